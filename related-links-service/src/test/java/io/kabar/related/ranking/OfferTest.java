package io.kabar.related.ranking;

import static io.kabar.related.ranking.NewsFixtures.ALL;
import static io.kabar.related.ranking.NewsFixtures.AMMUNITION;
import static io.kabar.related.ranking.NewsFixtures.CLOCK;
import static io.kabar.related.ranking.NewsFixtures.PUTIN_MEETS_KIM;
import static io.kabar.related.ranking.NewsFixtures.PUTIN_MEETS_KIM_COPY;
import static io.kabar.related.ranking.NewsFixtures.STOCK_INDEX;
import static io.kabar.related.ranking.NewsFixtures.indexOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link RelatedFinder#offer}: a back-link refresh scores only the new neighbours against a list kept with its scores. */
class OfferTest {

    private final StoryIndex index = indexOf(
            ALL.stream().filter(story -> !story.id().equals(AMMUNITION.id())).toList());
    private final RelatedFinder finder = new RelatedFinder(index, RankingSettings.DEFAULTS, CLOCK);

    @AfterEach
    void closeIndex() throws Exception {
        index.close();
    }

    @Test
    void aNewNeighbourEntersWhereAFullRankingPutsItWithTheSameScore() {
        List<RelatedLink> before = finder.relatedTo(PUTIN_MEETS_KIM, 20);
        index.upsert(AMMUNITION);

        List<RelatedLink> offered = finder.offer(PUTIN_MEETS_KIM, before, List.of(AMMUNITION.id()), 20);
        List<RelatedLink> full = finder.relatedTo(PUTIN_MEETS_KIM, 20);

        assertThat(ids(offered)).containsExactlyInAnyOrderElementsOf(ids(full));
        assertThat(score(offered, AMMUNITION.id())).isCloseTo(score(full, AMMUNITION.id()), within(1e-9));
        assertThat(offered).containsAll(before);
    }

    @Test
    void aNeighbourScoringBelowAFullListsLastLinkLeavesItAsItWas() {
        List<RelatedLink> before = finder.relatedTo(PUTIN_MEETS_KIM, 3);
        index.upsert(AMMUNITION);

        assertThat(finder.offer(PUTIN_MEETS_KIM, before, List.of(STOCK_INDEX.id()), 3))
                .isEqualTo(before);
    }

    @Test
    void neverOffersTheStoryItselfNorANearDuplicateOfItsHeadline() {
        List<RelatedLink> before = finder.relatedTo(PUTIN_MEETS_KIM, 20);

        assertThat(ids(finder.offer(
                        PUTIN_MEETS_KIM, before, List.of(PUTIN_MEETS_KIM.id(), PUTIN_MEETS_KIM_COPY.id()), 20)))
                .isEqualTo(ids(before));
    }

    private static List<String> ids(List<RelatedLink> links) {
        return links.stream().map(RelatedLink::id).toList();
    }

    private static double score(List<RelatedLink> links, String id) {
        return links.stream()
                .filter(link -> link.id().equals(id))
                .findFirst()
                .orElseThrow()
                .score();
    }
}
