package io.kabar.notification.delivery;

import io.kabar.notification.alerts.Delivery;
import io.kabar.notification.subscriptions.Subscription;

/**
 * What differs between channels that deliver over HTTP (webhooks, web push): how a delivery becomes a request and what
 * the receiver's answers mean. Everything else (host lanes, retries, dead letters, metrics) they share.
 */
interface DeliveryChannel {

    /**
     * The request carrying the delivery to the subscription; {@code sending} to be passed on to the sender.
     *
     * @throws RuntimeException when no request can be made (the delivery is then dead-lettered with the reason)
     */
    WebhookSender.Request request(Subscription subscription, Delivery delivery, Runnable sending);

    /** What the receiver's answer means; by default the webhook rules (see {@link Outcome#of}). */
    default Outcome outcome(WebhookSender.Response response) {
        return Outcome.of(response, "the target answered 410 Gone");
    }
}
