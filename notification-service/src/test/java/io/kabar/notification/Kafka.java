package io.kabar.notification;

import io.kabar.schemas.Article;
import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.ArticleEventType;
import io.kabar.schemas.topics.Topics;
import io.kabar.testing.TestBroker;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/** Talks to the test broker the way other services would: publishes article events, reads committed records. */
public final class Kafka {

    private Kafka() {}

    /** An article event as article-service would write it. */
    public static ArticleEvent event(
            String id, long revision, ArticleEventType type, String category, boolean breaking) {
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
                        .setTitle("Gempa M6,2 guncang " + category)
                        .setSummary("Ringkasan.")
                        .setBody(List.of("Paragraf."))
                        .setCategory(category)
                        .setTags(List.of("gempa"))
                        .setAuthor("Redaksi")
                        .setPublishedAt(now)
                        .setUpdatedAt(now)
                        .setBreaking(breaking)
                        .build())
                .build();
    }

    public static void publish(String brokers, ArticleEvent... events) {
        TestBroker.publish(brokers, Topics.ARTICLES, event -> event.getArticle().getId(), events);
    }

    /** Every committed record of the topic with that key, oldest first per partition, read up to the end. */
    public static <V> List<ConsumerRecord<String, V>> records(String topic, String key, Deserializer<V> values) {
        return TestBroker.readAll(topic, values).stream()
                .filter(r -> key.equals(r.key()))
                .toList();
    }
}
