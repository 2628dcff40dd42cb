package io.kabar.notification.alerts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One alert message (the alert, an update or a retraction) to hand to one subscription, and which attempt this is.
 *
 * @param deliveryId the same on every attempt; receivers deduplicate on it ({@code webhook-id})
 * @param attempt    1 for the first attempt
 * @param notBefore  earliest time for this attempt; null for at once
 */
public record Delivery(String deliveryId, String subscriptionId, int attempt, Instant notBefore, Alert alert) {

    public Delivery {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(alert, "alert");
    }

    /**
     * The first attempt of the message for the subscription, with an id that every retry and re-send reproduces: one
     * per (alert, subscription, change), so an update or retraction never shares the alert's {@code webhook-id}.
     */
    public static Delivery first(Alert alert, String subscriptionId) {
        String change = switch (alert.type()) {
            case CREATED -> ""; // as before follow-ups existed: deliveries already written keep their ids
            case UPDATED -> "|updated|" + alert.articleRevision();
            case RETRACTED -> "|retracted";
        };
        UUID id = UUID.nameUUIDFromBytes(
                (alert.alertId() + "|" + subscriptionId + change).getBytes(StandardCharsets.UTF_8));
        return new Delivery("msg_" + id.toString().replace("-", ""), subscriptionId, 1, null, alert);
    }

    /** The same attempt again, due at {@code due}: it was never sent, so it uses up no attempt. */
    public Delivery postponedTo(Instant due) {
        return new Delivery(deliveryId, subscriptionId, attempt, due, alert);
    }

    /** The next attempt, due at {@code due}. */
    public Delivery retryAt(Instant due) {
        return new Delivery(deliveryId, subscriptionId, attempt + 1, due, alert);
    }
}
