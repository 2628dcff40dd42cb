package io.kabar.trending.counting;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the counting starts a partition its group has never committed: where the counting of the releases before
 * (inside the Streams application, whose group is the application id) had got to, so that the upgrade neither
 * recounts the topic from its start nor skips views. Without such an offset the partition starts at its beginning.
 */
final class UpgradeOffsets {

    private static final Logger log = LoggerFactory.getLogger(UpgradeOffsets.class);

    private UpgradeOffsets() {}

    /**
     * Where the counting starts each of {@code partitions}: its group's committed offset, else the previous group's
     * (see above); a partition missing from the answer starts at its beginning.
     */
    static Map<TopicPartition, OffsetAndMetadata> startOf(
            Consumer<?, ?> consumer, CountingOptions options, Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(consumer.committed(new HashSet<>(partitions)));
        committed.values().removeIf(Objects::isNull);
        Set<TopicPartition> uncommitted = new HashSet<>(partitions);
        uncommitted.removeAll(committed.keySet());
        if (!uncommitted.isEmpty()) {
            committed.putAll(of(options.consumerProperties(), options.previousGroup(), uncommitted));
        }
        return committed;
    }

    /** The previous group's committed offsets of those of {@code partitions} it has; empty if it has none. */
    static Map<TopicPartition, OffsetAndMetadata> of(
            Map<String, Object> clientProperties, String previousGroup, Set<TopicPartition> partitions) {
        Map<String, Object> props = new HashMap<>();
        clientProperties.forEach((key, value) -> {
            if (!key.startsWith("key.") && !key.startsWith("value.") && !key.startsWith("group.")) {
                props.put(key, value);
            }
        });
        try (Admin admin = Admin.create(props)) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            admin.listConsumerGroupOffsets(
                            Map.of(previousGroup, new ListConsumerGroupOffsetsSpec().topicPartitions(partitions)))
                    .partitionsToOffsetAndMetadata(previousGroup)
                    .get(30, TimeUnit.SECONDS)
                    .forEach((partition, offset) -> {
                        if (offset != null) {
                            // Its metadata is not this counting's stream time: the rebuild replays from the wall clock.
                            offsets.put(partition, new OffsetAndMetadata(offset.offset()));
                        }
                    });
            if (!offsets.isEmpty()) {
                log.info(
                        "starting {} where the group {} left off (an upgrade from the Streams counting)",
                        offsets,
                        previousGroup);
            }
            return offsets;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("cannot read the offsets of the group " + previousGroup, e);
        }
    }
}
