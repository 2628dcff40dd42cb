package io.kabar.notification.delivery;

import io.kabar.notification.alerts.Alert;
import io.kabar.notification.alerts.Delivery;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Delivery counters by outcome ({@code kabar.notifications.deliveries}) and how long alerts take to reach receivers
 * ({@code kabar.notifications.delivery.latency}, from the article's publication and from the alert's creation).
 */
final class DeliveryMetrics {

    private final Counter succeeded;
    private final Counter failed;
    private final Counter retried;
    private final Counter deadLettered;
    private final Counter deactivated;
    private final Counter skipped;
    private final Counter abandoned;
    private final Counter postponed;
    private final Timer sincePublished;
    private final Timer sinceAlerted;
    private final Clock clock;

    DeliveryMetrics(MeterRegistry meters, Clock clock) {
        this.clock = clock;
        succeeded = outcome(meters, "succeeded");
        failed = outcome(meters, "failed");
        retried = outcome(meters, "retried");
        deadLettered = outcome(meters, "dead-lettered");
        deactivated = outcome(meters, "deactivated");
        skipped = outcome(meters, "skipped");
        postponed = outcome(meters, "postponed");
        abandoned = Counter.builder("kabar.notifications.deliveries.abandoned")
                .description("deliveries abandoned at their batch's deadline (slow host) and handed to the retry path")
                .register(meters);
        sincePublished = latency(meters, "published");
        sinceAlerted = latency(meters, "alerted");
    }

    private static Counter outcome(MeterRegistry meters, String outcome) {
        return Counter.builder("kabar.notifications.deliveries")
                .tag("outcome", outcome)
                .description("webhook delivery attempts and their fate")
                .register(meters);
    }

    private static Timer latency(MeterRegistry meters, String from) {
        return Timer.builder("kabar.notifications.delivery.latency")
                .tag("from", from)
                .description("time from article publication or alert creation to a successful webhook")
                .publishPercentileHistogram()
                .register(meters);
    }

    void succeeded(Delivery delivery) {
        succeeded.increment();
        if (delivery.isDigest()) {
            return; // held back as the subscriber asked: not a delay of ours
        }
        Alert alert = delivery.alert();
        Instant now = clock.instant();
        if (alert.type() == Alert.Type.CREATED) {
            sincePublished.record(Duration.between(alert.publishedAt(), now));
        }
        // An update or retraction counts from when it was issued, not from the alert it follows.
        sinceAlerted.record(Duration.between(alert.issuedAt(), now));
    }

    void failed() {
        failed.increment();
    }

    void retried() {
        retried.increment();
    }

    void deadLettered() {
        deadLettered.increment();
    }

    void deactivated() {
        deactivated.increment();
    }

    void skipped() {
        skipped.increment();
    }

    void postponed() {
        postponed.increment();
    }

    void abandoned() {
        abandoned.increment();
    }
}
