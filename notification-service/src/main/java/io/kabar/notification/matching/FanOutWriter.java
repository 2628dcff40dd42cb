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
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes an alert's deliveries in chunks of at most {@code chunkSize}, in subscription id order, so that no
 * transaction grows with the number of subscribers. Each chunk is written in the transaction of the record that asked
 * for it (the article event for the first, a progress record on {@code news.alert-fanouts} for the others) together
 * with the progress record asking for the next chunk, and commits with the offset of the record it answers: a crash
 * before the commit leaves the request to be answered again, one after it leaves the next request, so no chunk is
 * lost or written twice.
 */
final class FanOutWriter {

    /** Reached once a chunk is sent, before its transaction commits (a test crashes an instance there). */
    interface Checkpoint {
        Checkpoint NONE = (alertId, chunk) -> {};

        void chunkSent(String alertId, int chunk);
    }

    private final KafkaTemplate<String, Object> template;
    private final SubscriptionView subscriptions;
    private final int chunkSize;
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
        this.chunkSize = chunkSize;
        this.checkpoint = checkpoint;
        this.clock = clock;
        this.duration = Timer.builder("kabar.notifications.fanout.duration")
                .description("from an alert's creation to the commit of its last chunk of deliveries")
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
                    progress.getChunk(),
                    progress.getAfter(),
                    progress.getWritten());
        }
    }

    /** Writes chunk {@code chunk}: the subscriptions after {@code after}; inside the caller's transaction. */
    void write(Alert alert, int chunk, String after, long writtenBefore) {
        List<Subscription> next = subscriptions.interestedIn(alert, after, chunkSize);
        BreakingAlert avroAlert = AlertRecords.toAvro(alert);
        for (Subscription subscription : next) {
            template.send(
                    Topics.ALERT_DELIVERIES.name(),
                    subscription.id(),
                    DeliveryRecords.toAvro(Delivery.first(alert, subscription.id()), avroAlert));
        }
        boolean last = next.size() < chunkSize;
        if (!last) {
            template.send(
                    Topics.ALERT_FANOUTS.name(),
                    alert.alertId(),
                    AlertFanOut.newBuilder()
                            .setAlert(avroAlert)
                            .setChunk(chunk + 1)
                            .setAfter(next.getLast().id())
                            .setWritten(writtenBefore + next.size())
                            .build());
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
}
