package io.kabar.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Whether a consumer group has records left to process on a topic. The committed offset is compared with the records
 * a read_committed consumer finds after it, not with the end offset: on a topic written in transactions the last
 * offset of a partition is a commit marker, which a group never commits past (its committed offset stays one short).
 */
final class Backlog implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;

    Backlog(String brokers) {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        brokers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        1),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    /** True when no partition of the topic holds a committed data record at or after the group's committed offset. */
    boolean isEmpty(String topic, Map<TopicPartition, OffsetAndMetadata> committed) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata at = committed.get(partition);
            long from = at == null ? 0 : at.offset();
            if (ends.get(partition) - from > 1) {
                return false; // more than a marker left: at least one record (the cheap, usual answer while busy)
            }
            if (ends.get(partition) > from && hasRecordFrom(partition, from, ends.get(partition))) {
                return false;
            }
        }
        return true;
    }

    /** Reads from {@code from}: a data record there is backlog; a marker is skipped and the position passes it. */
    private boolean hasRecordFrom(TopicPartition partition, long from, long end) {
        consumer.pause(consumer.assignment());
        consumer.resume(List.of(partition));
        consumer.seek(partition, from);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (consumer.position(partition) < end && System.nanoTime() < deadline) {
            if (!consumer.poll(Duration.ofMillis(100)).isEmpty()) {
                return true;
            }
        }
        return consumer.position(partition) < end;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
