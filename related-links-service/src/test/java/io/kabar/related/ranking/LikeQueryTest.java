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
                    searcher -> LikeQuery.build(story, index.analyzer(), index.termLookup(searcher), settings, true)
                            .toString());
        }
    }

    @Test
    void phrasesAnotherStorySharesBecomeClausesOfTheirOwn() throws Exception {
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
        assertThat(query).doesNotContain("phrases:perry warjiyo"); // no other story has it: no clause
        assertThat(queryOf(rates, stories, RankingSettings.DEFAULTS.withSignals(RankingSettings.Signals.NONE)))
                .contains("body:bunga")
                .doesNotContain("phrases:");
    }

    @Test
    void aTermMostStoriesShareIsLeftOutOfTheQuery() throws Exception {
        List<Story> stories = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // For s0: "warga" is in all 299 other stories, "banjir" in 59 (within the default 20 %), "longsor" in 61
            String body =
                    "Warga kota mengungsi." + (i < 60 ? " Banjir melanda." : "") + (i < 62 ? " Longsor terjadi." : "");
            stories.add(story("s" + i, "Nasional", i, "Kabar Kota " + i, List.of(), body));
        }

        String query = queryOf(stories.get(0), stories, RankingSettings.DEFAULTS);

        assertThat(query).contains("body:banjir").doesNotContain("body:warga").doesNotContain("body:longsor");
    }
}
