package io.kabar.notification.subscriptions;

import io.kabar.notification.alerts.Interests;
import io.kabar.schemas.HeldAlertsPolicy;
import io.kabar.schemas.SubscriptionChannel;
import java.nio.ByteBuffer;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Maps subscriptions to and from their Avro form at the Kafka edge, encrypting the signing secret on the way out and
 * decrypting it on the way in (records written before encryption carry it in clear and are read as they are).
 */
final class SubscriptionRecords {

    private final SecretCipher cipher;

    SubscriptionRecords(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /** The record to write; the subscription must say which key to encrypt under. */
    io.kabar.schemas.Subscription toAvro(Subscription s) {
        byte[] encrypted = cipher.encrypt(s.secretKeyId(), s.id(), s.secret());
        return io.kabar.schemas.Subscription.newBuilder()
                .setId(s.id())
                .setChannel(SubscriptionChannel.valueOf(s.channel().name()))
                .setTarget(s.target())
                .setSecret("")
                .setEncryptedSecret(ByteBuffer.wrap(encrypted))
                .setSecretKeyId(s.secretKeyId())
                .setCategories(s.interests().categories())
                .setTags(s.interests().tags())
                .setBreakingOnly(s.breakingOnly())
                .setActive(s.active())
                .setCreatedAt(s.createdAt())
                .setDeactivatedAt(s.deactivatedAt())
                .setDeactivationReason(s.deactivationReason())
                .setManagementTokenHash(s.managementTokenHash())
                .setQuietHours(toAvro(s.pacing().quietHours()))
                .setMaxPerDay(s.pacing().maxPerDay())
                .setHeld(s.pacing().dropHeld() ? HeldAlertsPolicy.DROP : HeldAlertsPolicy.DIGEST)
                .build();
    }

    Subscription fromAvro(io.kabar.schemas.Subscription s) {
        String secret = s.getEncryptedSecret() == null
                ? s.getSecret()
                : cipher.decrypt(s.getSecretKeyId(), s.getId(), bytes(s.getEncryptedSecret()));
        return new Subscription(
                s.getId(),
                Subscription.Channel.valueOf(s.getChannel().name()),
                s.getTarget(),
                secret,
                new Interests(s.getCategories(), s.getTags()),
                s.getBreakingOnly(),
                s.getActive(),
                s.getCreatedAt(),
                s.getDeactivatedAt(),
                s.getDeactivationReason(),
                s.getManagementTokenHash(),
                s.getEncryptedSecret() == null ? null : s.getSecretKeyId(),
                new Pacing(fromAvro(s.getQuietHours()), s.getMaxPerDay(), s.getHeld() == HeldAlertsPolicy.DROP));
    }

    private static io.kabar.schemas.QuietHours toAvro(QuietHours q) {
        return q == null
                ? null
                : io.kabar.schemas.QuietHours.newBuilder()
                        .setFrom(q.from().toString())
                        .setTo(q.to().toString())
                        .setZone(q.zone().getId())
                        .build();
    }

    private static QuietHours fromAvro(io.kabar.schemas.QuietHours q) {
        return q == null
                ? null
                : new QuietHours(LocalTime.parse(q.getFrom()), LocalTime.parse(q.getTo()), ZoneId.of(q.getZone()));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
