package io.kabar.related;

import io.kabar.schemas.Article;
import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.ArticleEventType;
import io.kabar.schemas.RelatedLinks;
import io.kabar.schemas.serde.AvroDeserializer;
import io.kabar.schemas.serde.AvroSerializer;
import io.kabar.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/** Writes article events to, and reads lists back from, the test broker the way article-service and readers would. */
final class TestTopics {

    private TestTopics() {
    }

    static String brokers() {
        return System.getProperty("spring.embedded.kafka.brokers");
    }

    /** The event of an article at a revision; its url is derived from the id. */
    static ArticleEvent event(ArticleEventType type, String id, long revision, String title, String body,
                              String category, Instant publishedAt) {
        Article article = Article.newBuilder()
                .setId(id).setRevision(revision).setSlug(id).setUrl("https://kabar.example/" + id)
                .setTitle(title).setBody(List.of(body)).setCategory(category).setTags(List.of())
                .setAuthor("Redaksi").setPublishedAt(publishedAt).setUpdatedAt(publishedAt.plusSeconds(revision))
                .build();
        return ArticleEvent.newBuilder().setEventId(id + "@" + revision).setEventType(type)
                .setOccurredAt(Instant.now()).setArticle(article).build();
    }

    /** Publishes the events in order, keyed by article id, and waits until the broker has them. */
    static void publish(ArticleEvent... events) {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new AvroSerializer<>(ArticleEvent.class))) {
            for (ArticleEvent event : events) {
                producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), event.getArticle().getId(), event)).get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("could not publish to " + Topics.ARTICLES, e);
        }
    }

    /** The latest record of every key of {@code news.related-links}, read up to its end; a deleted list maps to null. */
    static Map<String, RelatedLinks> latestLists() {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new AvroDeserializer<>(RelatedLinks.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.RELATED_LINKS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<String, RelatedLinks> latest = new HashMap<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, RelatedLinks> r : consumer.poll(Duration.ofMillis(200))) {
                    latest.put(r.key(), r.value());
                }
            }
            return latest;
        }
    }
}
