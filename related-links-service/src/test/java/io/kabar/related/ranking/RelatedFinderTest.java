package io.kabar.related.ranking;

import static io.kabar.related.ranking.NewsFixtures.ALL;
import static io.kabar.related.ranking.NewsFixtures.AMMUNITION;
import static io.kabar.related.ranking.NewsFixtures.CLOCK;
import static io.kabar.related.ranking.NewsFixtures.NOW;
import static io.kabar.related.ranking.NewsFixtures.OFF_TOPIC;
import static io.kabar.related.ranking.NewsFixtures.ON_TOPIC;
import static io.kabar.related.ranking.NewsFixtures.PUTIN_MEETS_KIM;
import static io.kabar.related.ranking.NewsFixtures.indexOf;
import static io.kabar.related.ranking.NewsFixtures.story;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RelatedFinderTest {

    private static final String HARVEST_BODY =
            "Petani di Karawang mulai memanen padi lebih awal karena musim kemarau datang cepat."
                    + " Harga gabah kering di tingkat petani naik dibanding bulan lalu.";

    private final List<StoryIndex> opened = new ArrayList<>();

    @AfterEach
    void closeIndexes() throws Exception {
        for (StoryIndex index : opened) {
            index.close();
        }
    }

    private RelatedFinder finderOver(List<Story> stories) {
        StoryIndex index = indexOf(stories);
        opened.add(index);
        return new RelatedFinder(index, RankingSettings.DEFAULTS, CLOCK);
    }

    private static List<String> ids(List<RelatedLink> links) {
        return links.stream().map(RelatedLink::id).toList();
    }

    @Test
    void ranksRussiaAndNorthKoreaStoriesAboveSportAndStocks() {
        List<String> links = ids(finderOver(ALL).relatedTo(PUTIN_MEETS_KIM, 10));

        assertThat(links.subList(0, ON_TOPIC.size())).containsExactlyInAnyOrderElementsOf(ON_TOPIC);
        assertThat(links).doesNotContainAnyElementsOf(OFF_TOPIC);
    }

    /** What a takedown's event leaves of an article: no title, no text; planning refreshes from it must not fail. */
    @Test
    void findsNoListsToRefreshForAStoryStrippedOfItsText() {
        Story stripped = new Story("putin-kim", 2, "", List.of(), "Internasional", List.of(), NOW, "");

        assertThat(finderOver(ALL).listsToRefresh(stripped, 5)).isEmpty();
    }

    @Test
    void returnsDefaultLimitOfFiveForAnIndexedId() {
        List<RelatedLink> links = finderOver(ALL).relatedTo("putin-kim");

        assertThat(links).hasSize(5);
        assertThat(links).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
        assertThat(links.get(0).url()).startsWith("https://kabar.example/");
    }

    @Test
    void padsNeverWithStoriesSharingNoDistinctiveTerm() {
        Story lonely = story(
                "gempa",
                "Bencana",
                0,
                "Gempa Magnitudo 5 Guncang Maluku",
                List.of(),
                "Gempa berkekuatan magnitudo 5 mengguncang Maluku tanpa menimbulkan kerusakan.");

        assertThat(finderOver(ALL).relatedTo(lonely, 5)).isEmpty();
    }

    @Test
    void excludesTheArticleItself() {
        assertThat(ids(finderOver(ALL).relatedTo(PUTIN_MEETS_KIM, 20))).doesNotContain("putin-kim");
    }

    @Test
    void excludesNearDuplicateHeadlineEvenThoughItIsTheMostSimilarText() {
        assertThat(ids(finderOver(ALL).relatedTo(PUTIN_MEETS_KIM, 20))).doesNotContain("putin-kim-salinan");
    }

    @Test
    void keepsOnlyOneOfTwoCandidatesThatDuplicateEachOther() {
        Story copy = story(
                "amunisi-salinan",
                "Internasional",
                3,
                "Korea Utara Diduga Kirim Amunisi Artileri ke Rusia.",
                List.of(),
                AMMUNITION.paragraphs().get(0));
        List<Story> stories = new ArrayList<>(ALL);
        stories.add(copy);

        assertThat(ids(finderOver(stories).relatedTo(PUTIN_MEETS_KIM, 20)))
                .filteredOn(id -> id.startsWith("amunisi"))
                .hasSize(1);
    }

    @Test
    void ofTwoEquallySimilarStoriesTheNewerRanksHigher() {
        Story source = story("panen", "Ekonomi", 0, "Petani Karawang Panen Lebih Awal", List.of(), HARVEST_BODY);
        Story older = story("catatan-lama", "Ekonomi", 5, "Catatan Redaksi Selasa", List.of(), HARVEST_BODY);
        Story newer = story("catatan-baru", "Ekonomi", 1, "Sorotan Akhir Pekan", List.of(), HARVEST_BODY);
        List<Story> stories = new ArrayList<>(ALL);
        stories.addAll(List.of(older, source, newer));

        assertThat(ids(finderOver(stories).relatedTo(source, 2))).containsExactly("catatan-baru", "catatan-lama");
    }

    @Test
    void ofTwoEquallySimilarStoriesTheOnePublishedCloserToTheSourceRanksHigher() {
        // The source is ten days old: a story from its week beats today's, although today's is fresher.
        Story source = story("panen", "Ekonomi", 10, "Petani Karawang Panen Lebih Awal", List.of(), HARVEST_BODY);
        Story sameWeek = story("catatan-lama", "Ekonomi", 9, "Catatan Redaksi Selasa", List.of(), HARVEST_BODY);
        Story today = story("catatan-baru", "Ekonomi", 0, "Sorotan Akhir Pekan", List.of(), HARVEST_BODY);
        List<Story> stories = new ArrayList<>(ALL);
        stories.addAll(List.of(today, source, sameWeek));

        assertThat(ids(finderOver(stories).relatedTo(source, 2))).containsExactly("catatan-lama", "catatan-baru");
    }

    @Test
    void aSharedHeadlineSubjectLiftsAnOtherwiseEqualStory() {
        Story source = story("panen", "Ekonomi", 0, "Petani Karawang Panen Lebih Awal", List.of(), HARVEST_BODY);
        Story unlike = story("catatan-a", "Ekonomi", 2, "Catatan Redaksi Selasa", List.of(), HARVEST_BODY);
        Story alike = story("catatan-b", "Ekonomi", 2, "Panen Petani Karawang Selasa", List.of(), HARVEST_BODY);
        List<Story> stories = new ArrayList<>(ALL);
        stories.addAll(List.of(unlike, source, alike));

        assertThat(ids(finderOver(stories).relatedTo(source, 2))).containsExactly("catatan-b", "catatan-a");
    }

    @Test
    void withoutTheNewSignalsTheRankingIsThePreviousOne() {
        StoryIndex index = indexOf(ALL);
        opened.add(index);
        RankingSettings previous = RankingSettings.DEFAULTS.withSignals(RankingSettings.Signals.NONE);

        List<RelatedLink> links = new RelatedFinder(index, previous, CLOCK).relatedTo(PUTIN_MEETS_KIM, 10);

        assertThat(ids(links).subList(0, ON_TOPIC.size())).containsExactlyInAnyOrderElementsOf(ON_TOPIC);
    }

    @Test
    void tagOverlapLiftsAnOtherwiseEqualStory() {
        Story source = story(
                "panen",
                "Ekonomi",
                0,
                "Petani Karawang Panen Lebih Awal",
                List.of("Pertanian", "Karawang"),
                HARVEST_BODY);
        Story untagged = story("catatan-a", "Ekonomi", 2, "Catatan Redaksi Selasa", List.of(), HARVEST_BODY);
        Story tagged = story("catatan-b", "Ekonomi", 2, "Sorotan Akhir Pekan", List.of("pertanian"), HARVEST_BODY);
        List<Story> stories = new ArrayList<>(ALL);
        stories.addAll(List.of(untagged, source, tagged));

        assertThat(ids(finderOver(stories).relatedTo(source, 2))).containsExactly("catatan-b", "catatan-a");
    }

    @Test
    void removedStoryDropsOutOfResults() {
        StoryIndex index = indexOf(ALL);
        opened.add(index);
        RelatedFinder finder = new RelatedFinder(index, RankingSettings.DEFAULTS, CLOCK);
        assertThat(ids(finder.relatedTo(PUTIN_MEETS_KIM, 10))).contains("amunisi");

        assertThat(index.remove("amunisi")).isTrue();

        assertThat(ids(finder.relatedTo(PUTIN_MEETS_KIM, 10))).doesNotContain("amunisi");
        assertThat(index.find("amunisi")).isEmpty();
    }

    @Test
    void aStoryThatOnlyMentionsTheSubjectInPassingIsLeftOutRatherThanFillingTheList() {
        Story markets = story(
                "rupiah-sore",
                "Ekonomi",
                0,
                "Rupiah Melemah Tipis pada Perdagangan Sore",
                List.of(),
                "Nilai tukar rupiah melemah tipis pada perdagangan sore ini karena investor menunggu data inflasi.",
                "Analis menyebut pasar juga mencermati kabar dari Korea Utara.");
        List<Story> stories = new ArrayList<>(ALL);
        stories.add(markets);
        StoryIndex index = indexOf(stories);
        opened.add(index);

        List<RelatedLink> filled = new RelatedFinder(index, RankingSettings.DEFAULTS.withMinScore(0), CLOCK)
                .relatedTo(PUTIN_MEETS_KIM, 20);
        List<RelatedLink> shown =
                new RelatedFinder(index, RankingSettings.DEFAULTS, CLOCK).relatedTo(PUTIN_MEETS_KIM, 20);

        assertThat(ids(filled)).contains("rupiah-sore");
        assertThat(ids(shown)).doesNotContain("rupiah-sore").containsAll(ON_TOPIC);
        assertThat(shown).allMatch(link -> link.score() >= RankingSettings.DEFAULTS.minScore());
    }

    @Test
    void respectsTheRequestedLimit() {
        RelatedFinder finder = finderOver(ALL);

        assertThat(finder.relatedTo(PUTIN_MEETS_KIM, 3)).hasSize(3);
        assertThat(finder.relatedTo(PUTIN_MEETS_KIM, 1))
                .extracting(RelatedLink::id)
                .singleElement()
                .isIn(ON_TOPIC);
    }

    @Test
    void rejectsLimitsOutsideOneToTwenty() {
        RelatedFinder finder = finderOver(ALL);

        assertThatThrownBy(() -> finder.relatedTo(PUTIN_MEETS_KIM, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> finder.relatedTo(PUTIN_MEETS_KIM, 21)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownIdHasNoLinks() {
        assertThat(finderOver(ALL).relatedTo("tidak-ada")).isEmpty();
    }

    @Test
    void newStoryBelongsInTheListsOfItsSimilarOlderStories() {
        Story homecoming = story(
                "kim-pulang",
                "Internasional",
                0,
                "Kim Jong-un Pulang ke Pyongyang Usai Kunjungi Rusia",
                List.of("Korea Utara"),
                "Kim Jong-un kembali ke Pyongyang dengan kereta lapis baja setelah bertemu Vladimir Putin"
                        + " di Rusia. Media Korea Utara menyebut kerja sama militer dengan Moskow akan diperkuat.");
        StoryIndex index = indexOf(ALL);
        opened.add(index);
        index.upsert(homecoming);
        RelatedFinder finder = new RelatedFinder(index, RankingSettings.DEFAULTS, CLOCK);

        List<String> refresh = finder.listsToRefresh(homecoming, 4);

        assertThat(refresh).hasSize(4).doesNotContain("kim-pulang").doesNotContainAnyElementsOf(OFF_TOPIC);
        assertThat(refresh)
                .allSatisfy(id -> assertThat(ids(finder.relatedTo(id))).contains("kim-pulang"));
    }
}
