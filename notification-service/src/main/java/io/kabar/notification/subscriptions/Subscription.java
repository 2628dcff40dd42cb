package io.kabar.notification.subscriptions;

import io.kabar.notification.alerts.Alert;
import io.kabar.notification.alerts.Interests;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One subscriber's wish for alerts on one channel.
 *
 * @param target             the webhook URL (or, later, push endpoint or e-mail address)
 * @param secret             the signing secret, {@code whsec_} + base64
 * @param breakingOnly       only breaking alerts; every alert is breaking today, so both values receive the same
 * @param deactivatedAt      when the target asked to stop; null while active
 * @param deactivationReason why; null while active
 * @param managementTokenHash hex SHA-256 of the subscriber's management token; null for subscriptions older than
 *                            tokens, which nobody can manage by token
 * @param secretKeyId        the id of the key the secret is encrypted under on the log; null until written, and for
 *                            records from before encryption, whose secret is in clear there
 * @param pacing             quiet hours, a daily cap and what becomes of the alerts they hold back
 */
public record Subscription(
        String id,
        Channel channel,
        String target,
        String secret,
        Interests interests,
        boolean breakingOnly,
        boolean active,
        Instant createdAt,
        Instant deactivatedAt,
        String deactivationReason,
        String managementTokenHash,
        String secretKeyId,
        Pacing pacing) {

    public Subscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(interests, "interests");
        pacing = pacing == null ? Pacing.NONE : pacing;
    }

    /**
     * Whether this subscription should receive the alert message now: an alert if it matches; an update or retraction
     * if it matches the alert and the subscription is not younger than the alert, that is if it was sent the alert
     * (the alert's category and tags never change and interests are fixed at subscribing).
     */
    public boolean wants(Alert alert) {
        boolean existedThen =
                alert.type() == Alert.Type.CREATED || createdAt == null || !createdAt.isAfter(alert.createdAt());
        return active && existedThen && interests.matches(alert);
    }

    Subscription deactivated(Instant at, String reason) {
        return new Subscription(
                id,
                channel,
                target,
                secret,
                interests,
                breakingOnly,
                false,
                createdAt,
                at.truncatedTo(ChronoUnit.MILLIS),
                reason,
                managementTokenHash,
                secretKeyId,
                pacing);
    }

    /** The same subscription, its secret to be encrypted under the key {@code keyId}. */
    Subscription encryptedUnder(String keyId) {
        return new Subscription(
                id,
                channel,
                target,
                secret,
                interests,
                breakingOnly,
                active,
                createdAt,
                deactivatedAt,
                deactivationReason,
                managementTokenHash,
                keyId,
                pacing);
    }

    /** Where alerts go. */
    public enum Channel {
        WEBHOOK,
        WEBPUSH,
        EMAIL
    }
}
