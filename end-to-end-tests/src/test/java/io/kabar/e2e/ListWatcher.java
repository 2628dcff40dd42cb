package io.kabar.e2e;

import io.kabar.schemas.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows {@code news.related-links} from its current end on a thread of its own, noting when each list was first
 * written and when the last one was: what a burst benchmark needs to know about the lists.
 */
final class ListWatcher implements AutoCloseable {

    /** List id -> timestamp (ms) of its first record seen. */
    final Map<String, Long> firstSeen = new ConcurrentHashMap<>();

    volatile long lastWrittenAt;
    volatile long records;

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private final Thread thread;

    private ListWatcher(String brokers) {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        brokers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.RELATED_LINKS.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(p -> positions.put(p, consumer.position(p)));
        thread = Thread.ofPlatform().name("list-watcher").start(this::follow);
    }

    static ListWatcher fromEnd(String brokers) {
        return new ListWatcher(brokers);
    }

    /** Whether the watcher has read every partition up to the given end offsets. */
    boolean hasRead(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> positions.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    private void follow() {
        try {
            while (true) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    firstSeen.putIfAbsent(record.key(), record.timestamp());
                    lastWrittenAt = Math.max(lastWrittenAt, record.timestamp());
                    records++;
                }
                consumer.assignment().forEach(p -> positions.put(p, consumer.position(p)));
            }
        } catch (WakeupException closing) {
            consumer.close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join();
    }
}
