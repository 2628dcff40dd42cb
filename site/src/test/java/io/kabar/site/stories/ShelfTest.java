package io.kabar.site.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the shelf keeps of withdrawn and taken-down stories. */
class ShelfTest {

    private static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");

    private final Shelf shelf = new Shelf();

    @Test
    void keepsAWithdrawnStoryBySlugSoThatItsPageCanSayItIsGone() {
        shelf.apply(story(1, "banjir-jakarta", "Banjir Jakarta", true));
        shelf.apply(story(2, "banjir-jakarta", "Banjir Jakarta", false));

        assertThat(shelf.bySlug("banjir-jakarta")).map(Story::published).contains(false);
        assertThat(shelf.latest(10)).isEmpty();
    }

    @Test
    void forgetsATakenDownStoryAtItsContentFreeRevisionAndItsTombstone() {
        shelf.apply(story(1, "skandal-pribadi", "Skandal pribadi", true));

        shelf.apply(story(2, "", "", false));

        assertThat(shelf.bySlug("skandal-pribadi")).isEmpty();
        assertThat(shelf.publishedById("a1")).isEmpty();
        assertThat(shelf.latest(10)).isEmpty();
        assertThat(shelf.categories()).isEmpty();

        shelf.remove("a1");

        assertThat(shelf.bySlug("")).isEmpty();
        assertThat(shelf.publishedById("a1")).isEmpty();
    }

    private static Story story(long revision, String slug, String title, boolean published) {
        return new Story(
                "a1",
                revision,
                slug,
                slug.isEmpty() ? "" : "https://kabar.example/" + slug,
                title,
                null,
                title.isEmpty() ? List.of() : List.of("Paragraf."),
                "id",
                "Nasional",
                List.of(),
                title.isEmpty() ? "" : "Redaksi",
                null,
                null,
                null,
                AT,
                AT,
                false,
                published);
    }
}
