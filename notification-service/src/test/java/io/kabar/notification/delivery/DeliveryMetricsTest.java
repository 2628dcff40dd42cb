package io.kabar.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.kabar.notification.alerts.Delivery;
import io.kabar.notification.subscriptions.Subscription;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Delivery metrics carry the subscription's channel, so web push and webhooks are watched apart. */
class DeliveryMetricsTest {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final Map<String, Subscription.Channel> channels =
            Map.of("hook", Subscription.Channel.WEBHOOK, "push", Subscription.Channel.WEBPUSH);
    final DeliveryMetrics metrics =
            new DeliveryMetrics(meters, DeliveryDispatcherTest.CLOCK, id -> Optional.ofNullable(channels.get(id)));

    @Test
    void tagsEachOutcomeWithTheChannelOfItsSubscriptionOrUnknown() {
        metrics.succeeded(Delivery.first(DeliveryDispatcherTest.ALERT, "hook"));
        metrics.deadLettered(Delivery.first(DeliveryDispatcherTest.ALERT, "push"));
        metrics.deadLettered(Delivery.first(DeliveryDispatcherTest.ALERT, "push"));
        metrics.skipped(Delivery.first(DeliveryDispatcherTest.ALERT, "deleted"));

        assertThat(count("webhook", "succeeded")).isEqualTo(1);
        assertThat(count("webpush", "succeeded")).isZero();
        assertThat(count("webpush", "dead-lettered")).isEqualTo(2);
        assertThat(count("unknown", "skipped")).isEqualTo(1);
        assertThat(meters.get("kabar.notifications.delivery.latency")
                        .tag("channel", "webhook")
                        .tag("from", "alerted")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    private double count(String channel, String outcome) {
        return meters.get("kabar.notifications.deliveries")
                .tag("channel", channel)
                .tag("outcome", outcome)
                .counter()
                .count();
    }
}
