package io.kabar.notification.pacing;

import io.kabar.notification.alerts.Delivery;
import io.kabar.notification.alerts.DeliveryRecords;
import io.kabar.schemas.topics.Topics;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Writes pacing states to {@code news.held-alerts} (an empty state as a tombstone) and released digests to
 * {@code news.alert-deliveries}, all in one Kafka transaction: a digest is never sent without its alerts leaving the
 * state, nor the other way round. Each record goes to the partition number the subscription's deliveries use.
 */
final class HeldAlertsLog implements DisposableBean {

    /** A state or a digest to write, with the partition it belongs to. */
    record Placed<T>(int partition, T value) {}

    private final DefaultKafkaProducerFactory<String, Object> producers;
    private final KafkaTemplate<String, Object> template;

    /** {@code producers} must be transactional. */
    HeldAlertsLog(DefaultKafkaProducerFactory<String, Object> producers) {
        this.producers = producers;
        this.template = new KafkaTemplate<>(producers);
    }

    /** Blocks until the transaction commits; throws when the broker does not take it. */
    void write(Collection<Placed<PacingState>> states, List<Placed<Delivery>> digests, Instant now) {
        if (states.isEmpty() && digests.isEmpty()) {
            return;
        }
        template.executeInTransaction(operations -> {
            for (Placed<PacingState> s : states) {
                PacingState state = s.value();
                operations.send(new ProducerRecord<>(
                        Topics.HELD_ALERTS.name(),
                        s.partition(),
                        state.subscriptionId(),
                        state.isEmpty() ? null : HeldAlertsRecords.toAvro(state, now)));
            }
            for (Placed<Delivery> d : digests) {
                operations.send(new ProducerRecord<>(
                        Topics.ALERT_DELIVERIES.name(),
                        d.partition(),
                        d.value().subscriptionId(),
                        DeliveryRecords.toAvro(d.value())));
            }
            return null;
        });
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
