package io.kabar.notification.delivery;

import io.kabar.notification.alerts.Delivery;
import io.kabar.notification.subscriptions.Subscription;
import io.kabar.notification.webpush.PushKeys;
import io.kabar.notification.webpush.WebPush;
import java.net.URI;
import tools.jackson.databind.json.JsonMapper;

/**
 * Web push: the alert's JSON (the webhook body) encrypted for the subscriber's browser and sent to its push service
 * with VAPID. Push services answer 201 when they took the message, 404 or 410 when the subscription has expired or was
 * unsubscribed, and 413 when the message is too large.
 */
final class WebPushChannel implements DeliveryChannel {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebPush webPush;

    WebPushChannel(WebPush webPush) {
        this.webPush = webPush;
    }

    @Override
    public WebhookSender.Request request(Subscription subscription, Delivery delivery, Runnable sending) {
        URI endpoint = URI.create(subscription.target());
        WebPush.Message message = webPush.message(
                endpoint,
                PushKeys.decode(subscription.secret()),
                // A digest gets a topic of its own: it must not replace, nor be replaced by, a message about one
                // article.
                delivery.isDigest() ? delivery.deliveryId() : delivery.alert().articleId(),
                JSON.writeValueAsBytes(delivery.json()));
        return new WebhookSender.Request(
                endpoint, message.headers(), "application/octet-stream", message.body(), sending);
    }

    @Override
    public Outcome outcome(WebhookSender.Response response) {
        return switch (response.status()) {
            case 404 -> new Outcome.Gone("the push service answered 404 Not Found: the push subscription has expired");
            case 413 -> new Outcome.Rejected("HTTP 413: the push service refused the encrypted alert as too large");
            default -> Outcome.of(response, "the push service answered 410 Gone: the browser unsubscribed");
        };
    }
}
