package io.kabar.notification.pacing;

import io.kabar.schemas.HeldAlerts;
import io.kabar.schemas.topics.Topics;
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
 * Restores the pacing states of each {@code news.alert-deliveries} partition the first-attempt webhook consumer is
 * given from the same-numbered partition of {@code news.held-alerts} before any of its deliveries is decided, and
 * forgets them when the partition is taken away: the owner of a subscription's deliveries owns its pacing state.
 */
final class HeldAlertsRestorer implements ConsumerAwareRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(HeldAlertsRestorer.class);

    private final PacingGate gate;
    private final Supplier<Consumer<String, HeldAlerts>> consumers;

    HeldAlertsRestorer(PacingGate gate, Supplier<Consumer<String, HeldAlerts>> consumers) {
        this.gate = gate;
        this.consumers = consumers;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        try (Consumer<String, HeldAlerts> state = consumers.get()) {
            String topic = Topics.HELD_ALERTS.name();
            if (state.partitionsFor(topic).size()
                    != consumer.partitionsFor(Topics.ALERT_DELIVERIES.name()).size()) {
                throw new IllegalStateException(topic + " must have as many partitions as " + Topics.ALERT_DELIVERIES);
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
                    for (ConsumerRecord<String, HeldAlerts> r : state.poll(Duration.ofMillis(200))) {
                        gate.restored(
                                r.partition(),
                                r.key(),
                                r.value() == null ? null : HeldAlertsRecords.fromAvro(r.value()));
                        read++;
                    }
                } catch (RecordDeserializationException e) {
                    log.error("skipping undecodable {}@{}: {}", e.topicPartition(), e.offset(), e.getMessage());
                    state.seek(e.topicPartition(), e.offset() + 1);
                }
            }
            log.info("restored pacing states from {} records of partitions {}", read, sources);
        }
    }

    @Override
    public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        gate.forget(partitions.stream().map(TopicPartition::partition).toList());
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        gate.forget(partitions.stream().map(TopicPartition::partition).toList());
    }
}
