package io.kabar.notification.delivery;

import io.kabar.notification.alerts.Delivery;
import io.kabar.notification.subscriptions.SubscriptionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Acts on one attempt's outcome: counts it, and writes what follows from it (a retry with back-off, a postponement,
 * a dead letter, a 410's deactivation); the returned future completes once that write is acknowledged.
 */
final class Settlement {

    private final RetryPolicy policy;
    private final DeliveryLog log;
    private final SubscriptionStore store;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final Duration expireAfter;
    private final Executor blockingWork;

    /** {@code blockingWork} runs what blocks (a broker write awaited), never the HTTP client's completion threads. */
    Settlement(
            RetryPolicy policy,
            DeliveryLog log,
            SubscriptionStore store,
            DeliveryMetrics metrics,
            Clock clock,
            Duration expireAfter,
            Executor blockingWork) {
        this.policy = policy;
        this.log = log;
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
        this.expireAfter = expireAfter;
        this.blockingWork = blockingWork;
    }

    CompletableFuture<?> settle(Delivery delivery, String topic, Outcome outcome) {
        if (outcome instanceof Outcome.Delivered) {
            metrics.succeeded(delivery);
        } else if (outcome instanceof Outcome.Skipped) {
            metrics.skipped(delivery);
        } else if (outcome instanceof Outcome.Gone gone) {
            metrics.deactivated(delivery);
            // Awaits a broker write: off the HTTP client's completion thread.
            return CompletableFuture.runAsync(
                    () -> store.deactivate(delivery.subscriptionId(), gone.reason()), blockingWork);
        } else if (outcome instanceof Outcome.Rejected rejected) {
            metrics.failed(delivery);
            return deadLetter(delivery, topic, rejected.reason() + " (not retried)");
        } else if (outcome instanceof Outcome.NotSent notSent) {
            return postpone(delivery, topic, notSent);
        } else if (outcome instanceof Outcome.Failed failed) {
            metrics.failed(delivery);
            Instant now = clock.instant();
            return policy.delayAfter(delivery.attempt(), failed.retryAfter(), now)
                    .<CompletableFuture<?>>map(delay -> {
                        metrics.retried(delivery);
                        return log.retry(delivery.retryAt(now.plus(delay)));
                    })
                    .orElseGet(() -> deadLetter(
                            delivery, topic, failed.reason() + " (gave up after " + delivery.attempt() + " attempts)"));
        }
        return CompletableFuture.completedFuture(null);
    }

    /** Not sent: the same attempt again when it may be sent, or a dead letter once the alert is too old. */
    private CompletableFuture<?> postpone(Delivery delivery, String topic, Outcome.NotSent notSent) {
        Instant now = clock.instant();
        Instant expires = delivery.alert().issuedAt().plus(expireAfter);
        if (!now.isBefore(expires)) {
            return deadLetter(
                    delivery,
                    topic,
                    notSent.reason() + " (not sent within " + expireAfter.toSeconds() + " s of the alert, after "
                            + (delivery.attempt() - 1) + " failed attempts)");
        }
        metrics.postponed(delivery);
        // Never later than the expiry, where it is dead-lettered if still not sent.
        Instant due = notSent.due() == null || notSent.due().isBefore(now) ? now : notSent.due();
        return log.retry(delivery.postponedTo(due.isBefore(expires) ? due : expires));
    }

    private CompletableFuture<?> deadLetter(Delivery delivery, String topic, String reason) {
        metrics.deadLettered(delivery);
        return log.deadLetter(delivery, topic, reason);
    }
}
