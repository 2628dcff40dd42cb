package io.kabar.notification.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One alert message (the alert, an update or a retraction), or one digest of held-back alert messages, to hand to
 * one subscription, and which attempt this is.
 *
 * @param deliveryId the same on every attempt; receivers deduplicate on it ({@code webhook-id})
 * @param attempt    1 for the first attempt
 * @param notBefore  earliest time for this attempt; null for at once
 * @param alert      the alert; for a digest its newest alert
 * @param digest     empty for a single alert; a digest's alerts, oldest first
 */
public record Delivery(
        String deliveryId, String subscriptionId, int attempt, Instant notBefore, Alert alert, List<Alert> digest) {

    public Delivery {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(alert, "alert");
        digest = List.copyOf(digest);
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
        return new Delivery(
                id(alert.alertId() + "|" + subscriptionId + change), subscriptionId, 1, null, alert, List.of());
    }

    /**
     * The first attempt of a digest of held-back alerts (oldest first), its id derived from the subscription and the
     * alerts in it, so that releasing the same digest again gives the same {@code webhook-id}.
     */
    public static Delivery digest(String subscriptionId, List<Alert> alerts) {
        StringBuilder key = new StringBuilder("digest|").append(subscriptionId);
        alerts.forEach(a -> key.append('|').append(a.alertId()));
        return new Delivery(id(key.toString()), subscriptionId, 1, null, alerts.getLast(), alerts);
    }

    /** Whether this is a digest rather than a single alert. */
    public boolean isDigest() {
        return !digest.isEmpty();
    }

    /** What the subscriber receives, the same on every channel: the alert message's JSON, or the digest's. */
    public Object json() {
        return isDigest() ? DigestJson.of(this) : alert.json();
    }

    /**
     * The hex digits of {@link java.util.UUID#nameUUIDFromBytes} of the name's UTF-8 (MD5, version 3), without its
     * dashes; a digest per thread, as a fan-out makes one id per subscriber and looking MD5 up each time costs more
     * than hashing.
     */
    private static String nameUuidHex(String name) {
        byte[] md5 = MD5.get().digest(name.getBytes(StandardCharsets.UTF_8));
        md5[6] = (byte) ((md5[6] & 0x0f) | 0x30);
        md5[8] = (byte) ((md5[8] & 0x3f) | 0x80);
        return HexFormat.of().formatHex(md5);
    }

    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    });

    /** The same attempt again, due at {@code due}: it was never sent, so it uses up no attempt. */
    public Delivery postponedTo(Instant due) {
        return new Delivery(deliveryId, subscriptionId, attempt, due, alert, digest);
    }

    /** The next attempt, due at {@code due}. */
    public Delivery retryAt(Instant due) {
        return new Delivery(deliveryId, subscriptionId, attempt + 1, due, alert, digest);
    }

    private static String id(String key) {
        return "msg_" + nameUuidHex(key);
    }
}
