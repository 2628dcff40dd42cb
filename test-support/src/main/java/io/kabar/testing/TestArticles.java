package io.kabar.testing;

import io.kabar.schemas.AlertUrgency;
import io.kabar.schemas.Article;
import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.ArticleEventType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Article events as article-service writes them, for the tests of what reads {@code news.articles}. */
public final class TestArticles {

    private TestArticles() {}

    /**
     * A revision of the article written now, without tags: PUBLISHED for the first, UPDATED after (see
     * {@link #event(String, long, ArticleEventType, String, String, List, boolean)}).
     */
    public static ArticleEvent event(String id, long revision, String title, String category, boolean breaking) {
        ArticleEventType type = revision == 1 ? ArticleEventType.PUBLISHED : ArticleEventType.UPDATED;
        return event(id, revision, type, title, category, List.of(), breaking);
    }

    /** An event of the article written now, with a summary and one paragraph, at slug {@code berita-<id>}. */
    public static ArticleEvent event(
            String id,
            long revision,
            ArticleEventType type,
            String title,
            String category,
            List<String> tags,
            boolean breaking) {
        Instant now = Instant.now();
        return ArticleEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setEventType(type)
                .setOccurredAt(now)
                .setArticle(Article.newBuilder()
                        .setId(id)
                        .setRevision(revision)
                        .setSlug("berita-" + id)
                        .setUrl("https://kabar.example/berita-" + id)
                        .setTitle(title)
                        .setSummary("Ringkasan.")
                        .setBody(List.of("Paragraf."))
                        .setCategory(category)
                        .setTags(tags)
                        .setAuthor("Redaksi")
                        .setPublishedAt(now)
                        .setUpdatedAt(now)
                        .setBreaking(breaking)
                        // Set, not defaulted: Avro resolves an enum's default by class name, which it refuses
                        // until a Kabar serde has trusted io.kabar.schemas in this JVM.
                        .setAlertUrgency(AlertUrgency.NORMAL)
                        .build())
                .build();
    }
}
