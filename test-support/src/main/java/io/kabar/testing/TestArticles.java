package io.kabar.testing;

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
     * A revision of the article written now: PUBLISHED for the first, UPDATED after; one paragraph, slug
     * {@code berita-<id>}.
     */
    public static ArticleEvent event(String id, long revision, String title, String category, boolean breaking) {
        Instant now = Instant.now();
        return ArticleEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setEventType(revision == 1 ? ArticleEventType.PUBLISHED : ArticleEventType.UPDATED)
                .setOccurredAt(now)
                .setArticle(Article.newBuilder()
                        .setId(id)
                        .setRevision(revision)
                        .setSlug("berita-" + id)
                        .setUrl("https://kabar.example/berita-" + id)
                        .setTitle(title)
                        .setBody(List.of(title + ", menurut laporan redaksi."))
                        .setCategory(category)
                        .setAuthor("Redaksi")
                        .setPublishedAt(now)
                        .setUpdatedAt(now)
                        .setBreaking(breaking)
                        .build())
                .build();
    }
}
