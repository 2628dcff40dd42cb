package io.kabar.related.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import io.kabar.related.index.EditorialControls;
import io.kabar.related.index.IndexedArticles;
import io.kabar.related.ranking.RelatedLink;
import io.kabar.related.ranking.Story;
import io.kabar.related.ranking.StoryIndex;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EditorialLinksTest {

    private static final Instant NOON = Instant.parse("2025-06-10T05:00:00Z");

    private final StoryIndex index = new StoryIndex();
    private final IndexedArticles articles = new IndexedArticles(index);

    @AfterEach
    void close() throws java.io.IOException {
        index.close();
    }

    @Test
    void putsPinsInTheirOrderBeforeTheRankedLinksWithoutRepeatingOne() {
        Story source = publish("source", 0, new EditorialControls(List.of("b", "a"), false, null));
        publish("a", 1, EditorialControls.NONE);
        publish("b", 2, EditorialControls.NONE);
        publish("c", 3, EditorialControls.NONE);

        List<RelatedLink> links =
                EditorialLinks.apply(source, List.of(ranked("c", 0.9), ranked("a", 0.5)), articles, 20);

        assertThat(links).extracting(RelatedLink::id).containsExactly("b", "a", "c");
        assertThat(links.get(1).score())
                .as("a pin the ranking found keeps its score")
                .isEqualTo(0.5);
        assertThat(links.get(0).score()).isZero();
        assertThat(links.get(0).title()).isEqualTo("Judul b");
    }

    @Test
    void leavesOutPinsThatAreNotPublishedAndArticlesExcludedFromRelatedLinks() {
        Story source = publish("source", 0, new EditorialControls(List.of("gone", "hidden", "a"), false, null));
        publish("a", 1, EditorialControls.NONE);
        publish("hidden", 2, new EditorialControls(List.of(), true, null));

        List<RelatedLink> links = EditorialLinks.apply(
                source, List.of(ranked("hidden", 0.9), ranked("gone", 0.8), ranked("a", 0.7)), articles, 20);

        assertThat(links).extracting(RelatedLink::id).containsExactly("a");
    }

    @Test
    void linksTheNewestOtherPackageMembersAfterThePinsAndBeforeTheRankedLinks() {
        EditorialControls series = new EditorialControls(List.of(), false, "pemilu");
        Story source = publish("source", 5, new EditorialControls(List.of("pin"), false, "pemilu"));
        publish("pin", 0, EditorialControls.NONE);
        publish("old", 1, series);
        publish("new", 9, series);
        publish("ranked", 2, EditorialControls.NONE);

        List<RelatedLink> links =
                EditorialLinks.apply(source, List.of(ranked("ranked", 1), ranked("old", 0.5)), articles, 20);

        assertThat(links).extracting(RelatedLink::id).containsExactly("pin", "new", "old", "ranked");
        assertThat(EditorialLinks.packageLists("source", articles)).containsExactlyInAnyOrder("old", "new");
    }

    @Test
    void forgetsAPackageMemberThatLeavesThePackageOrIsUnpublished() {
        EditorialControls series = new EditorialControls(List.of(), false, "banjir");
        publish("a", 1, series);
        publish("b", 2, series);
        publish("c", 3, series);

        articles.published(story("b", 2, 2), EditorialControls.NONE);
        articles.unpublished("c", 2);

        assertThat(articles.packageMembers("banjir")).extracting(Story::id).containsExactly("a");
    }

    @Test
    void keepsTheListAtTheGivenSize() {
        Story source = publish("source", 0, new EditorialControls(List.of("a", "b"), false, null));
        publish("a", 1, EditorialControls.NONE);
        publish("b", 2, EditorialControls.NONE);

        assertThat(EditorialLinks.apply(source, List.of(), articles, 1))
                .extracting(RelatedLink::id)
                .containsExactly("a");
    }

    private Story publish(String id, int hour, EditorialControls controls) {
        Story story = story(id, 1, hour);
        articles.published(story, controls);
        return story;
    }

    private static Story story(String id, long revision, int hour) {
        return new Story(
                id,
                revision,
                "Judul " + id,
                List.of("Isi " + id + "."),
                "Nasional",
                List.of(),
                NOON.plusSeconds(3600L * hour),
                "https://kabar.example/" + id);
    }

    private static RelatedLink ranked(String id, double score) {
        return new RelatedLink(id, "Judul " + id, "https://kabar.example/" + id, score);
    }
}
