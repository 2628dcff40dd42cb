package io.kabar.notification.delivery;

import io.kabar.notification.alerts.Alert;
import io.kabar.notification.alerts.Delivery;
import io.kabar.notification.subscriptions.Subscription;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Delivery counters by channel and outcome ({@code kabar.notifications.deliveries}) and how long alerts take to reach
 * receivers ({@code kabar.notifications.delivery.latency}, from the article's publication and from the alert's
 * creation), tagged {@code channel} = {@code webhook}, {@code webpush} or {@code unknown} (a subscription no longer in
 * the view, such as a deleted one).
 */
final class DeliveryMetrics {

    static final String UNKNOWN = "unknown";
    private static final List<String> OUTCOMES =
            List.of("succeeded", "failed", "retried", "dead-lettered", "deactivated", "skipped", "postponed");

    /** One channel's meters. */
    private record Meters(Map<String, Counter> outcomes, Timer sincePublished, Timer sinceAlerted) {}

    private final Map<String, Meters> byChannel = new HashMap<>();
    private final Counter abandoned;
    private final Function<String, Optional<Subscription.Channel>> channelOf;
    private final Clock clock;

    /** {@code channelOf} tells a subscription's channel, empty when it is not known (deleted). */
    DeliveryMetrics(MeterRegistry meters, Clock clock, Function<String, Optional<Subscription.Channel>> channelOf) {
        this.clock = clock;
        this.channelOf = channelOf;
        for (Subscription.Channel channel : Subscription.Channel.values()) {
            String name = channel.name().toLowerCase(Locale.ROOT);
            byChannel.put(name, meters(meters, name));
        }
        byChannel.put(UNKNOWN, meters(meters, UNKNOWN));
        abandoned = Counter.builder("kabar.notifications.deliveries.abandoned")
                .description("deliveries abandoned at their batch's deadline (slow host) and handed to the retry path")
                .register(meters);
    }

    private static Meters meters(MeterRegistry meters, String channel) {
        Map<String, Counter> outcomes = new HashMap<>();
        for (String outcome : OUTCOMES) {
            outcomes.put(
                    outcome,
                    Counter.builder("kabar.notifications.deliveries")
                            .tag("channel", channel)
                            .tag("outcome", outcome)
                            .description("delivery attempts (webhook, web push) and their fate")
                            .register(meters));
        }
        return new Meters(
                Map.copyOf(outcomes), latency(meters, channel, "published"), latency(meters, channel, "alerted"));
    }

    private static Timer latency(MeterRegistry meters, String channel, String from) {
        return Timer.builder("kabar.notifications.delivery.latency")
                .tag("channel", channel)
                .tag("from", from)
                .description("time from article publication or alert creation to a successful delivery")
                .publishPercentileHistogram()
                .register(meters);
    }

    private Meters of(Delivery delivery) {
        return byChannel.get(channelOf
                .apply(delivery.subscriptionId())
                .map(c -> c.name().toLowerCase(Locale.ROOT))
                .orElse(UNKNOWN));
    }

    private void count(Delivery delivery, String outcome) {
        of(delivery).outcomes().get(outcome).increment();
    }

    void succeeded(Delivery delivery) {
        Meters meters = of(delivery);
        meters.outcomes().get("succeeded").increment();
        if (delivery.isDigest()) {
            return; // held back as the subscriber asked: not a delay of ours
        }
        Alert alert = delivery.alert();
        Instant now = clock.instant();
        if (alert.type() == Alert.Type.CREATED) {
            meters.sincePublished().record(Duration.between(alert.publishedAt(), now));
        }
        // An update or retraction counts from when it was issued, not from the alert it follows.
        meters.sinceAlerted().record(Duration.between(alert.issuedAt(), now));
    }

    void failed(Delivery delivery) {
        count(delivery, "failed");
    }

    void retried(Delivery delivery) {
        count(delivery, "retried");
    }

    void deadLettered(Delivery delivery) {
        count(delivery, "dead-lettered");
    }

    void deactivated(Delivery delivery) {
        count(delivery, "deactivated");
    }

    void skipped(Delivery delivery) {
        count(delivery, "skipped");
    }

    void postponed(Delivery delivery) {
        count(delivery, "postponed");
    }

    void abandoned() {
        abandoned.increment();
    }
}
