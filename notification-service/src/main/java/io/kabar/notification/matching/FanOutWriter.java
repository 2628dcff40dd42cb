package io.kabar.notification.matching;

import io.kabar.notification.alerts.Alert;
import io.kabar.notification.alerts.AlertRecords;
import io.kabar.notification.alerts.Delivery;
import io.kabar.notification.alerts.DeliveryRecords;
import io.kabar.notification.subscriptions.Subscription;
import io.kabar.notification.subscriptions.SubscriptionView;
import io.kabar.schemas.AlertFanOut;
import io.kabar.schemas.BreakingAlert;
import io.kabar.schemas.topics.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes an alert's deliveries in chunks, so that no transaction grows with the number of subscribers: the id space is
 * cut into slices written side by side, each slice in subscription id order, in chunks that grow from small to
 * {@code chunkSize} ({@link FanOutPlan}). Each chunk is written in the transaction of the record that asked for it (the
 * article event for the first chunk of the first slice, a progress record on {@code news.alert-fanouts} for the others)
 * together with the progress record asking for the slice's next chunk, and commits with the offset of the record it
 * answers: a crash before the commit leaves the request to be answered again, one after it leaves the next request,
 * so no chunk is lost or written twice.
 */
final class FanOutWriter {

    /** Reached once a chunk is sent, before its transaction commits (a test crashes an instance there). */
    interface Checkpoint {
        Checkpoint NONE = (alertId, chunk) -> {};

        void chunkSent(String alertId, int chunk);
    }

    private final KafkaTemplate<String, Object> template;
    private final SubscriptionView subscriptions;
    private final FanOutPlan plan;
    private final Checkpoint checkpoint;
    private final Clock clock;
    private final Timer duration;
    private final Counter chunks;

    FanOutWriter(
            KafkaTemplate<String, Object> template,
            SubscriptionView subscriptions,
            int chunkSize,
            Checkpoint checkpoint,
            Clock clock,
            MeterRegistry meters) {
        this.template = template;
        this.subscriptions = subscriptions;
        this.plan = new FanOutPlan(chunkSize);
        this.checkpoint = checkpoint;
        this.clock = clock;
        this.duration = Timer.builder("kabar.notifications.fanout.duration")
                .description(
                        "from an alert's creation to the commit of the last chunk of deliveries of one of its slices")
                .publishPercentileHistogram()
                .register(meters);
        this.chunks = Counter.builder("kabar.notifications.fanout.chunks")
                .description("chunks of deliveries committed")
                .register(meters);
    }

    @KafkaListener(
            id = "notification-fanout",
            groupId = "notification-fanout",
            topics = "#{T(io.kabar.schemas.topics.Topics).ALERT_FANOUTS.name()}",
            containerFactory = "fanOutContainerFactory")
    void onProgress(ConsumerRecord<String, AlertFanOut> record) {
        AlertFanOut progress = record.value();
        if (progress != null) {
            write(
                    AlertRecords.fromAvro(progress.getAlert()),
                    progress.getAlert(),
                    progress.getChunk(),
                    progress.getAfter(),
                    progress.getWritten());
        }
    }

    /**
     * Starts the fan-out inside the caller's transaction: the first slice's first chunk, and the records asking for
     * the other slices' first chunks, each on a partition of its own so that different consumers write them.
     */
    void start(Alert alert) {
        BreakingAlert avroAlert = AlertRecords.toAvro(alert);
        for (int slice = 1; slice < FanOutPlan.SLICES; slice++) {
            askFor(alert.alertId(), avroAlert, slice, 1, FanOutPlan.STARTS.get(slice), 0);
        }
        write(alert, avroAlert, 1, "", 0);
    }

    /** Writes chunk {@code chunk} of the slice that {@code after} lies in: its subscriptions after {@code after}. */
    private void write(Alert alert, BreakingAlert avroAlert, int chunk, String after, long writtenBefore) {
        int slice = FanOutPlan.sliceOf(after);
        String until = FanOutPlan.until(slice);
        int size = plan.size(chunk);
        List<Subscription> next = subscriptions.interestedIn(alert, after, until, size);
        for (Subscription subscription : next) {
            template.send(
                    Topics.ALERT_DELIVERIES.name(),
                    subscription.id(),
                    DeliveryRecords.toAvro(Delivery.first(alert, subscription.id()), avroAlert));
        }
        // A slice holds the ids up to the next slice's start: once that is written, the slice is done.
        boolean last = next.size() < size || next.getLast().id().equals(until);
        if (!last) {
            askFor(alert.alertId(), avroAlert, slice, chunk + 1, next.getLast().id(), writtenBefore + next.size());
        }
        checkpoint.chunkSent(alert.alertId(), chunk);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                chunks.increment();
                if (last) {
                    duration.record(Duration.between(alert.issuedAt(), clock.instant()));
                }
            }
        });
    }

    private void askFor(String alertId, BreakingAlert avroAlert, int slice, int chunk, String after, long written) {
        int partitions = template.partitionsFor(Topics.ALERT_FANOUTS.name()).size();
        template.send(new ProducerRecord<>(
                Topics.ALERT_FANOUTS.name(),
                slice % partitions,
                alertId,
                AlertFanOut.newBuilder()
                        .setAlert(avroAlert)
                        .setChunk(chunk)
                        .setAfter(after)
                        .setWritten(written)
                        .build()));
    }
}
