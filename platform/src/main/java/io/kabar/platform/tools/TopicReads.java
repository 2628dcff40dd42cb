package io.kabar.platform.tools;

import io.kabar.platform.kafka.KafkaSecurity;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * How the operators' tools read a topic: as raw bytes, with the operator's credentials, every partition up to its end
 * as it stood when the read began, so that records written meanwhile wait for the next run instead of looping.
 */
final class TopicReads {

    private TopicReads() {}

    /** A consumer of raw bytes with {@code props} and the operator's credentials from {@code KABAR_KAFKA_*}. */
    static KafkaConsumer<byte[], byte[]> consumer(Map<String, Object> props) {
        return new KafkaConsumer<>(secured(props), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Adds the operator's credentials from {@code KABAR_KAFKA_*} (see {@link KafkaSecurity}), if any. */
    static Map<String, Object> secured(Map<String, Object> props) {
        Map<String, Object> all = new HashMap<>(props);
        all.putAll(KafkaSecurity.fromEnvironment(System.getenv()).clientProperties());
        return all;
    }

    /**
     * Reads every partition of {@code topic} up to its end as it stands now, from the consumer group's committed
     * position (or the start) when {@code fromCommitted}, else from the start; answers the end offsets it read to.
     */
    static Map<TopicPartition, Long> readToEnd(
            KafkaConsumer<byte[], byte[]> consumer,
            String topic,
            boolean fromCommitted,
            Consumer<ConsumerRecord<byte[], byte[]>> action) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        Map<TopicPartition, OffsetAndMetadata> committed =
                fromCommitted ? consumer.committed(Set.copyOf(partitions)) : Map.of();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            if (offset == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, offset.offset());
            }
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    action.accept(record);
                }
            }
        }
        return end;
    }
}
