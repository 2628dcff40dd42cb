package io.kabar.notification.delivery;

import io.kabar.notification.alerts.Delivery;
import io.kabar.notification.alerts.DeliveryRecords;
import io.kabar.notification.subscriptions.SubscriptionStore;
import io.kabar.schemas.AlertDelivery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Delivers each polled batch of deliveries concurrently and returns (so the offsets are committed) once every one of
 * them has been delivered, deactivated, skipped, handed to the retry topic or dead-lettered. First attempts and
 * retries run in separate containers, so waiting retries never hold up first attempts.
 */
final class DeliveryWorker {

    private final WebhookDispatcher dispatcher;
    private final RetryPolicy policy;
    private final DeliveryLog log;
    private final SubscriptionStore store;
    private final DeliveryMetrics metrics;
    private final Clock clock;

    DeliveryWorker(
            WebhookDispatcher dispatcher,
            RetryPolicy policy,
            DeliveryLog log,
            SubscriptionStore store,
            DeliveryMetrics metrics,
            Clock clock) {
        this.dispatcher = dispatcher;
        this.policy = policy;
        this.log = log;
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
    }

    @KafkaListener(
            id = "notification-webhooks",
            groupId = DeliveryLog.GROUP,
            containerFactory = "webhookContainerFactory",
            topics = "#{T(io.kabar.schemas.topics.Topics).ALERT_DELIVERIES.name()}")
    void onDeliveries(List<ConsumerRecord<String, AlertDelivery>> records) {
        deliverAll(records);
    }

    @KafkaListener(
            id = "notification-webhook-retries",
            groupId = DeliveryLog.GROUP,
            containerFactory = "webhookContainerFactory",
            topics = "#{T(io.kabar.schemas.topics.Topics).ALERT_DELIVERY_RETRIES.name()}")
    void onRetries(List<ConsumerRecord<String, AlertDelivery>> records) {
        deliverAll(records);
    }

    private void deliverAll(List<ConsumerRecord<String, AlertDelivery>> records) {
        int undecodable = firstUndecodable(records);
        CompletableFuture.allOf(records.subList(0, undecodable).stream()
                        .map(r -> deliver(DeliveryRecords.fromAvro(r.value()), r.topic()))
                        .toArray(CompletableFuture[]::new))
                .join();
        if (undecodable < records.size()) {
            // The platform's error handler commits what came before and dead-letters this record.
            throw new BatchListenerFailedException("undecodable delivery", undecodable);
        }
    }

    private static int firstUndecodable(List<ConsumerRecord<String, AlertDelivery>> records) {
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, AlertDelivery> r = records.get(i);
            if (r.value() == null
                    || r.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null) {
                return i;
            }
        }
        return records.size();
    }

    CompletableFuture<?> deliver(Delivery delivery, String topic) {
        Duration wait =
                delivery.notBefore() == null ? Duration.ZERO : Duration.between(clock.instant(), delivery.notBefore());
        CompletableFuture<Outcome> attempt = wait.isNegative() || wait.isZero()
                ? dispatcher.attempt(delivery)
                : CompletableFuture.supplyAsync(
                                () -> delivery,
                                CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS))
                        .thenCompose(dispatcher::attempt);
        return attempt.thenCompose(outcome -> settle(delivery, topic, outcome));
    }

    private CompletableFuture<?> settle(Delivery delivery, String topic, Outcome outcome) {
        if (outcome instanceof Outcome.Delivered) {
            metrics.succeeded(delivery.alert());
        } else if (outcome instanceof Outcome.Skipped) {
            metrics.skipped();
        } else if (outcome instanceof Outcome.Gone) {
            metrics.deactivated();
            store.deactivate(delivery.subscriptionId(), "the target answered 410 Gone");
        } else if (outcome instanceof Outcome.Rejected rejected) {
            metrics.failed();
            return deadLetter(delivery, topic, rejected.reason() + " (not retried)");
        } else if (outcome instanceof Outcome.Failed failed) {
            metrics.failed();
            Instant now = clock.instant();
            return policy.delayAfter(delivery.attempt(), failed.retryAfter(), now)
                    .<CompletableFuture<?>>map(delay -> {
                        metrics.retried();
                        return log.retry(delivery.retryAt(now.plus(delay)));
                    })
                    .orElseGet(() -> deadLetter(
                            delivery, topic, failed.reason() + " (gave up after " + delivery.attempt() + " attempts)"));
        }
        return CompletableFuture.completedFuture(null);
    }

    private CompletableFuture<?> deadLetter(Delivery delivery, String topic, String reason) {
        metrics.deadLettered();
        return log.deadLetter(delivery, topic, reason);
    }
}
