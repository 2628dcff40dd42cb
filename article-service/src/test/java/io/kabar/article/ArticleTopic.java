package io.kabar.article;

import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.serde.AvroDeserializer;
import io.kabar.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads {@code news.articles} on the test broker the way any consumer would: committed records, from the start. */
final class ArticleTopic {

    private ArticleTopic() {
    }

    static ArticleEvent lastEventOf(String id) {
        List<ArticleEvent> events = eventsOf(id);
        if (events.isEmpty()) {
            throw new AssertionError("no event of article " + id + " on " + Topics.ARTICLES);
        }
        return events.get(events.size() - 1);
    }

    /** Every committed event of the article, oldest first, read up to the end of the topic. */
    static List<ArticleEvent> eventsOf(String id) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.embedded.kafka.brokers"),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new AvroDeserializer<>(ArticleEvent.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ARTICLES.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ArticleEvent> events = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, ArticleEvent> r : consumer.poll(Duration.ofMillis(200))) {
                    if (id.equals(r.key())) {
                        events.add(r.value());
                    }
                }
            }
            return events;
        }
    }
}
