package io.kabar.trending;

import io.kabar.schemas.Article;
import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.ArticleEventType;
import io.kabar.schemas.topics.Topics;
import io.kabar.testing.TestBroker;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Writes to and reads from the test broker the way other services would. */
final class TestTopics {

    private TestTopics() {}

    /** What article-service would publish for revision {@code revision} of the article. */
    static void articleEvent(ArticleEventType type, String id, long revision, String title, String category) {
        Instant now = Instant.now();
        Article article = Article.newBuilder()
                .setId(id)
                .setRevision(revision)
                .setSlug("berita-" + id)
                .setUrl("https://kabar.example/berita-" + id)
                .setTitle(title)
                .setBody(List.of("Paragraf."))
                .setCategory(category)
                .setAuthor("Redaksi")
                .setPublishedAt(now.minusSeconds(600))
                .setUpdatedAt(now)
                .build();
        ArticleEvent event = ArticleEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setEventType(type)
                .setOccurredAt(now)
                .setArticle(article)
                .build();
        TestBroker.publish(Topics.ARTICLES, e -> id, event);
    }

    /** Writes bytes that no Avro decoder accepts. */
    static void garbage(String topic, String key) {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestBroker.brokers());
        try (var producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key.getBytes(), "bukan avro".getBytes()))
                    .get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("could not write the record", e);
        }
    }

    /** The keys of every record of the topic, read up to its end. */
    static List<String> keysOf(String topic) {
        return TestBroker.readAll(topic, new ByteArrayDeserializer()).stream()
                .map(ConsumerRecord::key)
                .toList();
    }
}
