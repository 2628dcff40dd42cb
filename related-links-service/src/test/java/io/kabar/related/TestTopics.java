package io.kabar.related;

import io.kabar.schemas.Article;
import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.ArticleEventType;
import io.kabar.schemas.RelatedLinks;
import io.kabar.schemas.topics.Topics;
import io.kabar.testing.TestBroker;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Writes article events to, and reads lists back from, the test broker the way article-service and readers would. */
final class TestTopics {

    private TestTopics() {}

    static String brokers() {
        return TestBroker.brokers();
    }

    /** The event of an article at a revision; its url is derived from the id. */
    static ArticleEvent event(
            ArticleEventType type,
            String id,
            long revision,
            String title,
            String body,
            String category,
            Instant publishedAt) {
        Article article = Article.newBuilder()
                .setId(id)
                .setRevision(revision)
                .setSlug(id)
                .setUrl("https://kabar.example/" + id)
                .setTitle(title)
                .setBody(List.of(body))
                .setCategory(category)
                .setTags(List.of())
                .setAuthor("Redaksi")
                .setPublishedAt(publishedAt)
                .setUpdatedAt(publishedAt.plusSeconds(revision))
                .build();
        return ArticleEvent.newBuilder()
                .setEventId(id + "@" + revision)
                .setEventType(type)
                .setOccurredAt(Instant.now())
                .setArticle(article)
                .build();
    }

    /** The event with the newsroom's controls over related links set on its article. */
    static ArticleEvent editorial(ArticleEvent event, List<String> pins, boolean excluded, String storyPackage) {
        return ArticleEvent.newBuilder(event)
                .setArticle(Article.newBuilder(event.getArticle())
                        .setRelatedPins(List.copyOf(pins))
                        .setExcludeFromRelated(excluded)
                        .setStoryPackage(storyPackage)
                        .build())
                .build();
    }

    /** Publishes the events in order, keyed by article id, and waits until the broker has them. */
    static void publish(ArticleEvent... events) {
        TestBroker.publish(Topics.ARTICLES, e -> e.getArticle().getId(), events);
    }

    /** The latest record of every key of {@code news.related-links}, read up to its end; a deleted list maps to null. */
    static Map<String, RelatedLinks> latestLists() {
        return TestBroker.latest(Topics.RELATED_LINKS);
    }
}
