package io.kabar.related.ranking;

import static io.kabar.related.ranking.NewsFixtures.ALL;
import static io.kabar.related.ranking.NewsFixtures.indexOf;
import static io.kabar.related.ranking.NewsFixtures.story;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LikeQueryTest {

    private static String queryOf(Story story, List<Story> indexed, RankingSettings settings) throws Exception {
        try (StoryIndex index = indexOf(indexed)) {
            return index.search(
                    searcher -> LikeQuery.build(story, index.analyzer(), searcher.getIndexReader(), settings, true)
                            .toString());
        }
    }

    @Test
    void phrasesAndNamesAnotherStoryShareBecomeClausesOfTheirOwn() throws Exception {
        Story rates = story(
                "bunga-bi",
                "Ekonomi",
                0,
                "Bank Indonesia Tahan Suku Bunga",
                List.of(),
                "Gubernur Bank Indonesia Perry Warjiyo menyebut suku bunga acuan ditahan bulan ini.");
        List<Story> stories = new ArrayList<>(ALL);
        stories.add(rates);

        String query = queryOf(rates, stories, RankingSettings.DEFAULTS);

        assertThat(query).contains("phrases:suku bunga").contains("body:bunga"); // "suku bunga" is in RUPIAH
        assertThat(query).doesNotContain("names:perry warjiyo"); // no other story names him: no clause
    }

    @Test
    void aNameSharedWithAnotherStoryIsSearchedAsOneTerm() throws Exception {
        Story follow = story(
                "rupiah-2",
                "Ekonomi",
                0,
                "Rupiah Menguat",
                List.of(),
                "Menurut ekonom, langkah Bank Sentral Eropa menahan bunga membuat rupiah menguat.");
        Story earlier =
                story("ecb", "Ekonomi", 1, "Kebijakan Eropa", List.of(), "Kemarin Bank Sentral Eropa menahan bunga.");
        List<Story> stories = new ArrayList<>(ALL);
        stories.addAll(List.of(follow, earlier));

        assertThat(queryOf(follow, stories, RankingSettings.DEFAULTS)).contains("names:bank sentral eropa");
        assertThat(queryOf(follow, stories, RankingSettings.DEFAULTS.withSignals(RankingSettings.Signals.NONE)))
                .doesNotContain("names:")
                .doesNotContain("phrases:");
    }
}
