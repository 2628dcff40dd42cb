package io.kabar.article.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleCatalogTest {

    private final ArticleCatalog catalog = new ArticleCatalog();

    @Test
    void dropsStaleAndRepeatedRevisions() {
        catalog.apply(article("a", 2, "Judul baru", "2025-10-01T00:00:00Z"));

        assertThat(catalog.apply(article("a", 1, "Judul lama", "2025-10-01T00:00:00Z")))
                .isFalse();
        assertThat(catalog.apply(article("a", 2, "Judul lama", "2025-10-01T00:00:00Z")))
                .isFalse();
        assertThat(catalog.find("a")).get().extracting(Article::title).isEqualTo("Judul baru");
    }

    @Test
    void listsPublishedArticlesNewestFirstAndForgetsUnpublishedOnes() {
        catalog.apply(article("old", 1, "Lama", "2025-10-01T00:00:00Z"));
        catalog.apply(article("new", 1, "Baru", "2025-10-03T00:00:00Z"));
        Article gone = article("gone", 1, "Ditarik", "2025-10-02T00:00:00Z");
        catalog.apply(gone);
        catalog.apply(gone.unpublished(2, Instant.parse("2025-10-04T00:00:00Z")));

        assertThat(catalog.latest(null, null, null, 10)).extracting(Article::id).containsExactly("new", "old");
        assertThat(catalog.latest(
                        null, null, Cursor.parse("2025-10-03T00:00:00Z").orElseThrow(), 10))
                .extracting(Article::id)
                .containsExactly("old");
        assertThat(catalog.findPublished("gone")).isEmpty();
    }

    @Test
    void keepsBothArticlesPublishedInTheSameMillisecond() {
        catalog.apply(article("x", 1, "Satu", "2025-10-01T00:00:00Z"));
        catalog.apply(article("y", 1, "Dua", "2025-10-01T00:00:00Z"));

        assertThat(catalog.latest(null, null, null, 10)).hasSize(2);
    }

    @Test
    void filtersByCategoryAndTagIgnoringCase() {
        catalog.apply(article("a", 1, "A", "2025-10-01T00:00:00Z"));

        assertThat(catalog.latest("internasional", "RUSIA", null, 10)).hasSize(1);
        assertThat(catalog.latest("olahraga", null, null, 10)).isEmpty();
    }

    @Test
    void pagesThroughArticlesThatShareAPublicationTimeWithoutSkippingAny() {
        for (String id : List.of("d", "b", "e", "a", "c")) {
            catalog.apply(article(id, 1, "Serentak " + id, "2025-10-01T00:00:00Z"));
        }
        catalog.apply(article("older", 1, "Lebih lama", "2025-09-30T00:00:00Z"));

        List<Article> first = catalog.latest(null, null, null, 2);
        Cursor afterFirst = Cursor.parse(Cursor.after(first.get(1)).token()).orElseThrow();
        List<Article> second = catalog.latest(null, null, afterFirst, 2);
        List<Article> rest = catalog.latest(
                null, null, Cursor.parse(Cursor.after(second.get(1)).token()).orElseThrow(), 10);

        assertThat(first).extracting(Article::id).containsExactly("a", "b");
        assertThat(second).extracting(Article::id).containsExactly("c", "d");
        assertThat(rest).extracting(Article::id).containsExactly("e", "older");
    }

    @Test
    void refusesACursorThatIsNeitherATokenNorAnInstant() {
        assertThat(Cursor.parse("kemarin")).isEmpty();
        assertThat(Cursor.parse("")).isEmpty();
    }

    @Test
    void knowsWhichArticleHoldsASlugEvenAfterItIsUnpublished() {
        Article a = article("a", 1, "Judul", "2025-10-01T00:00:00Z");
        catalog.apply(a);
        catalog.apply(a.unpublished(2, Instant.parse("2025-10-02T00:00:00Z")));

        assertThat(catalog.slugOwner("slug-a")).contains("a");
        assertThat(catalog.slugOwner("slug-b")).isEmpty();
    }

    @Test
    void freesTheSlugOfATakenDownArticleAndForgetsItOnItsTombstone() {
        Article a = article("a", 1, "Judul", "2025-10-01T00:00:00Z");
        catalog.apply(a);

        catalog.apply(a.takenDown(2, Instant.parse("2025-10-02T00:00:00Z")));

        assertThat(catalog.slugOwner("slug-a")).isEmpty();
        assertThat(catalog.find("a")).get().extracting(Article::title).isEqualTo("");
        assertThat(catalog.apply(a)).isFalse();

        catalog.remove("a");

        assertThat(catalog.find("a")).isEmpty();
        assertThat(catalog.latest(null, null, null, 10)).isEmpty();
        assertThat(catalog.size()).isZero();
    }

    static Article article(String id, long revision, String title, String publishedAt) {
        Instant at = Instant.parse(publishedAt);
        return new Article(
                id,
                revision,
                "slug-" + id,
                "https://kabar.example/slug-" + id,
                title,
                null,
                List.of("Isi."),
                "id",
                "Internasional",
                List.of("rusia"),
                "Redaksi",
                null,
                null,
                null,
                at,
                at,
                false,
                Editorial.NONE,
                Article.Status.PUBLISHED,
                null);
    }
}
