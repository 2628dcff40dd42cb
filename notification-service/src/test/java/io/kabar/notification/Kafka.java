package io.kabar.notification;

import io.kabar.schemas.Article;
import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.ArticleEventType;
import io.kabar.schemas.serde.AvroSerializer;
import io.kabar.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Talks to the test broker the way other services would: publishes article events, reads committed records. */
public final class Kafka {

    private Kafka() {
    }

    /** An article event as article-service would write it. */
    public static ArticleEvent event(String id, long revision, ArticleEventType type, String category, boolean breaking) {
        Instant now = Instant.now();
        return ArticleEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setEventType(type).setOccurredAt(now)
                .setArticle(Article.newBuilder().setId(id).setRevision(revision).setSlug("berita-" + id)
                        .setUrl("https://kabar.example/berita-" + id).setTitle("Gempa M6,2 guncang " + category)
                        .setSummary("Ringkasan.").setBody(List.of("Paragraf.")).setCategory(category)
                        .setTags(List.of("gempa")).setAuthor("Redaksi").setPublishedAt(now).setUpdatedAt(now)
                        .setBreaking(breaking).build())
                .build();
    }

    public static void publish(String brokers, ArticleEvent... events) {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new AvroSerializer<>(ArticleEvent.class))) {
            for (ArticleEvent event : events) {
                producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), event.getArticle().getId(), event));
            }
            producer.flush();
        }
    }

    /** Every committed record of the topic with that key, oldest first per partition, read up to the end. */
    public static <V> List<ConsumerRecord<String, V>> records(String brokers, String topic, String key,
                                                              Deserializer<V> values) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, V>> found = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                }
            }
            return found;
        }
    }
}
