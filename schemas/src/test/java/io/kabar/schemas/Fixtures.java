package io.kabar.schemas;

import java.time.Instant;
import java.util.List;

/** Builds valid records for the schema tests. */
public final class Fixtures {

    private Fixtures() {}

    public static ArticleEvent publishedEvent() {
        Instant at = Instant.parse("2023-09-14T05:06:00Z");
        Article article = Article.newBuilder()
                .setId("4b1c2a8e-0c1d-4a51-9f1a-1e2d3c4b5a69")
                .setRevision(1)
                .setSlug("pertemuan-putin-dan-kim")
                .setUrl("https://kabar.example/pertemuan-putin-dan-kim")
                .setTitle("Pertemuan Putin dan Kim")
                .setBody(List.of("Paragraf pertama.", "Paragraf kedua."))
                .setCategory("internasional")
                .setTags(List.of("rusia", "korea-utara"))
                .setAuthor("Redaksi")
                .setPublishedAt(at)
                .setUpdatedAt(at)
                .build();
        return ArticleEvent.newBuilder()
                .setEventId("9f0e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f")
                .setEventType(ArticleEventType.PUBLISHED)
                .setOccurredAt(at)
                .setArticle(article)
                .build();
    }
}
