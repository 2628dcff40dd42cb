package io.kabar.notification;

import io.kabar.schemas.topics.TopicSpec;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * Restores the state a listener keeps per input partition from the same-numbered partition of its compacted state
 * topic before any record of that partition is processed, and has it forgotten when the partition is taken away:
 * like a Kafka Streams changelog, the state's owner is the owner of the input partition.
 *
 * @param <V> the state topic's value (Avro); {@code null} for a tombstone
 */
public final class PartitionStateRestorer<V> implements ConsumerAwareRebalanceListener {

    /** Takes one record of the state topic, in log order. */
    @FunctionalInterface
    public interface Restore<V> {
        void restored(int partition, String key, V value);
    }

    private static final Logger log = LoggerFactory.getLogger(PartitionStateRestorer.class);

    private final TopicSpec<String, V> stateTopic;
    private final TopicSpec<?, ?> inputTopic;
    private final Supplier<Consumer<String, V>> consumers;
    private final Restore<V> restore;
    private final java.util.function.Consumer<List<Integer>> forget;

    public PartitionStateRestorer(
            TopicSpec<String, V> stateTopic,
            TopicSpec<?, ?> inputTopic,
            Supplier<Consumer<String, V>> consumers,
            Restore<V> restore,
            java.util.function.Consumer<List<Integer>> forget) {
        this.stateTopic = stateTopic;
        this.inputTopic = inputTopic;
        this.consumers = consumers;
        this.restore = restore;
        this.forget = forget;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        try (Consumer<String, V> state = consumers.get()) {
            String topic = stateTopic.name();
            if (state.partitionsFor(topic).size()
                    != consumer.partitionsFor(inputTopic.name()).size()) {
                throw new IllegalStateException(topic + " must have as many partitions as " + inputTopic);
            }
            List<TopicPartition> sources = partitions.stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            state.assign(sources);
            state.seekToBeginning(sources);
            Map<TopicPartition, Long> end = state.endOffsets(sources);
            int read = 0;
            while (sources.stream().anyMatch(p -> state.position(p) < end.get(p))) {
                try {
                    for (ConsumerRecord<String, V> r : state.poll(Duration.ofMillis(200))) {
                        restore.restored(r.partition(), r.key(), r.value());
                        read++;
                    }
                } catch (RecordDeserializationException e) {
                    log.error("skipping undecodable {}@{}: {}", e.topicPartition(), e.offset(), e.getMessage());
                    state.seek(e.topicPartition(), e.offset() + 1);
                }
            }
            log.info("restored state from {} records of partitions {}", read, sources);
        }
    }

    @Override
    public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        forget.accept(partitions.stream().map(TopicPartition::partition).toList());
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        forget.accept(partitions.stream().map(TopicPartition::partition).toList());
    }
}
