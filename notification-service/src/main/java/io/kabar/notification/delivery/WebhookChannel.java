package io.kabar.notification.delivery;

import io.kabar.notification.alerts.Alert;
import io.kabar.notification.alerts.Delivery;
import io.kabar.notification.subscriptions.Subscription;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Webhooks: the alert's JSON, signed the Standard Webhooks way with the subscription's secret. */
final class WebhookChannel implements DeliveryChannel {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Clock clock;
    /** The latest alert's JSON: a batch's deliveries are mostly of one alert, whose body is the same for everyone. */
    private volatile Body latest;

    private record Body(Alert alert, byte[] json) {}

    WebhookChannel(Clock clock) {
        this.clock = clock;
    }

    @Override
    public WebhookSender.Request request(Subscription subscription, Delivery delivery, Runnable sending) {
        byte[] body = delivery.isDigest() ? JSON.writeValueAsBytes(delivery.json()) : json(delivery.alert());
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = Map.of(
                "webhook-id", delivery.deliveryId(),
                "webhook-timestamp", String.valueOf(timestamp),
                "webhook-signature", WebhookSigner.sign(subscription.secret(), delivery.deliveryId(), timestamp, body));
        return new WebhookSender.Request(
                URI.create(subscription.target()), headers, "application/json; charset=UTF-8", body, sending);
    }

    /** Shared by every request of the alert, which only read it. */
    private byte[] json(Alert alert) {
        Body body = latest;
        if (body == null || !body.alert().equals(alert)) {
            body = new Body(alert, JSON.writeValueAsBytes(alert.json()));
            latest = body;
        }
        return body.json();
    }
}
