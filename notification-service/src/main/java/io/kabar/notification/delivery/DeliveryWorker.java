package io.kabar.notification.delivery;

import io.kabar.notification.alerts.Delivery;
import io.kabar.notification.alerts.DeliveryRecords;
import io.kabar.schemas.AlertDelivery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Delivers each polled batch of deliveries concurrently and returns (so the offsets are committed) once every one of
 * them has been delivered, deactivated, skipped, handed to the retry topic or dead-lettered, but never later than the
 * batch deadline: whatever is still waiting for a slow host then is abandoned and handed to the retry path, so a slow
 * host cannot hold up the deliveries polled with it. An abandoned delivery that was sent counts as a failed attempt;
 * one that was never sent (still in its host's lane, or refused by the host's open circuit) is postponed as the same
 * attempt (to the end of the open period), until {@code expireAfter} past its alert, when it is dead-lettered. First
 * attempts and retries run in separate containers, so waiting retries never hold up first attempts.
 */
final class DeliveryWorker {

    private final DeliveryDispatcher dispatcher;
    private final Settlement settlement;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final Timeouts timeouts;
    private final FirstAttemptGate gate;

    DeliveryWorker(
            DeliveryDispatcher dispatcher,
            Settlement settlement,
            DeliveryMetrics metrics,
            Clock clock,
            Timeouts timeouts,
            FirstAttemptGate gate) {
        this.dispatcher = dispatcher;
        this.settlement = settlement;
        this.metrics = metrics;
        this.clock = clock;
        this.timeouts = timeouts;
        this.gate = gate;
    }

    @KafkaListener(
            id = "notification-webhooks",
            groupId = DeliveryLog.GROUP,
            containerFactory = "firstAttemptContainerFactory",
            topics = "#{T(io.kabar.schemas.topics.Topics).ALERT_DELIVERIES.name()}")
    void onDeliveries(List<ConsumerRecord<String, AlertDelivery>> records) {
        deliverAll(records, true);
    }

    @KafkaListener(
            id = "notification-webhook-retries",
            groupId = DeliveryLog.GROUP,
            containerFactory = "webhookContainerFactory",
            topics = "#{T(io.kabar.schemas.topics.Topics).ALERT_DELIVERY_RETRIES.name()}")
    void onRetries(List<ConsumerRecord<String, AlertDelivery>> records) {
        deliverAll(records, false);
    }

    /** First attempts pass the gate (subscribers' pacing), which may hold some back. */
    private void deliverAll(List<ConsumerRecord<String, AlertDelivery>> records, boolean firstAttempts) {
        int undecodable = firstUndecodable(records);
        List<FirstAttemptGate.Placed> decoded = records.subList(0, undecodable).stream()
                .map(r -> new FirstAttemptGate.Placed(r.partition(), DeliveryRecords.fromAvro(r.value())))
                .toList();
        List<Delivery> deliveries = firstAttempts
                ? gate.admit(decoded)
                : decoded.stream().map(FirstAttemptGate.Placed::delivery).toList();
        Instant latestDue = deliveries.stream()
                .map(Delivery::notBefore)
                .filter(t -> t != null)
                .max(Instant::compareTo)
                .orElse(Instant.MIN);
        Duration batchDeadline = timeouts.batchDeadline();
        Instant deadline = later(clock.instant(), latestDue).plus(batchDeadline);
        List<Attempt> attempts = new ArrayList<>(deliveries.size());
        for (Delivery delivery : deliveries) {
            attempts.add(deliver(delivery, records.getFirst().topic()));
        }
        awaitUntil(
                CompletableFuture.allOf(attempts.stream().map(a -> a.settled).toArray(CompletableFuture[]::new)),
                deadline);
        List<CompletableFuture<?>> handedOff = new ArrayList<>();
        // Those not sent first: abandoning a sent one frees its lane, which would start the next one waiting there.
        for (boolean sent : new boolean[] {false, true}) {
            for (Attempt attempt : attempts) {
                if (attempt.sent.get() == sent) {
                    attempt.abandon(batchDeadline).ifPresent(handedOff::add);
                }
            }
        }
        CompletableFuture.allOf(handedOff.toArray(CompletableFuture[]::new)).join();
        if (undecodable < records.size()) {
            // The platform's error handler commits what came before and dead-letters this record.
            throw new BatchListenerFailedException("undecodable delivery", undecodable);
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private void awaitUntil(CompletableFuture<?> all, Instant deadline) {
        long millis = Duration.between(clock.instant(), deadline).toMillis();
        try {
            all.get(Math.max(0, millis), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slowHosts) {
            // Abandoned below: their deliveries go to the retry path.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // A settle step failed (a broker write): nothing is committed, the batch is polled again.
            throw new IllegalStateException("could not settle a delivery", e.getCause());
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

    /** One delivery of a batch: settled by its outcome or, at the batch deadline, by handing it to the retry path. */
    private final class Attempt {
        private final Delivery delivery;
        private final String topic;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final AtomicBoolean sent;
        private final CompletableFuture<Outcome> outcome;
        private final CompletableFuture<?> settled;

        Attempt(Delivery delivery, String topic, AtomicBoolean sent, CompletableFuture<Outcome> outcome) {
            this.delivery = delivery;
            this.topic = topic;
            this.sent = sent;
            this.outcome = outcome;
            this.settled = outcome.thenCompose(o -> claimed.compareAndSet(false, true)
                    ? settlement.settle(delivery, topic, o)
                    : CompletableFuture.completedFuture(null));
        }

        /** At the deadline: cancels the request if still unsettled and hands the delivery to the retry path. */
        Optional<CompletableFuture<?>> abandon(Duration deadline) {
            if (settled.isDone() && !settled.isCompletedExceptionally()) {
                return Optional.empty();
            }
            if (!claimed.compareAndSet(false, true)) {
                return Optional.of(settled); // settling right now: wait for its broker write
            }
            outcome.cancel(true); // a request still waiting in its lane now never starts
            metrics.abandoned();
            String reason = "no answer within the batch deadline of " + deadline.toMillis() + " ms";
            return Optional.of(settlement.settle(
                    delivery,
                    topic,
                    sent.get() ? new Outcome.Failed(reason, Optional.empty()) : new Outcome.NotSent(reason, null)));
        }
    }

    Attempt deliver(Delivery delivery, String topic) {
        Duration wait =
                delivery.notBefore() == null ? Duration.ZERO : Duration.between(clock.instant(), delivery.notBefore());
        AtomicBoolean sent = new AtomicBoolean();
        Runnable sending = () -> sent.set(true);
        CompletableFuture<Outcome> attempt = wait.isNegative() || wait.isZero()
                ? dispatcher.attempt(delivery, sending)
                : CompletableFuture.supplyAsync(
                                () -> delivery,
                                CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS))
                        .thenCompose(d -> dispatcher.attempt(d, sending));
        return new Attempt(delivery, topic, sent, attempt);
    }
}
