package io.kabar.notification.webpush;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an alert into a Web Push request (RFC 8030) for one subscriber: the encrypted body and the headers a push
 * service wants. Off when the service has no VAPID key: then nobody can subscribe, and deliveries are refused.
 */
public final class WebPush {

    private static final int TOPIC_BYTES = 24; // base64url of 24 bytes: 32 characters, RFC 8030's limit

    private final Optional<Vapid> vapid;
    private final PushEncryption encryption;
    private final Duration ttl;

    public WebPush(Optional<Vapid> vapid, PushEncryption encryption, Duration ttl) {
        this.vapid = vapid;
        this.encryption = encryption;
        this.ttl = ttl;
    }

    /** The VAPID application server key (base64url point), if web push is on. */
    public Optional<String> publicKey() {
        return vapid.map(Vapid::publicKey);
    }

    /** A push request's body and headers (besides {@code Content-Type: application/octet-stream}). */
    public record Message(Map<String, String> headers, byte[] body) {}

    /**
     * The message carrying {@code plaintext} about the article to the subscriber at {@code endpoint}.
     *
     * @throws IllegalStateException when web push is off on this instance
     * @throws IllegalArgumentException when the stored keys are not usable
     */
    public Message message(URI endpoint, PushKeys keys, String articleId, byte[] plaintext) {
        Vapid identity = vapid.orElseThrow(() -> new IllegalStateException(
                "web push is off on this instance: no VAPID key (kabar.notifications.webpush.*)"));
        return new Message(
                Map.of(
                        "Authorization", identity.authorization(endpoint),
                        "Content-Encoding", "aes128gcm",
                        "TTL", String.valueOf(ttl.toSeconds()),
                        // Every alert is a breaking one: the push service should wake the device.
                        "Urgency", "high",
                        "Topic", topic(articleId)),
                encryption.encrypt(plaintext, keys));
    }

    /**
     * The {@code Topic} of messages about an article: a later message about it replaces one the push service still
     * holds. A hash, so the article id (any length and alphabet) fits RFC 8030's 32 base64url characters.
     */
    static String topic(String articleId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("kabar-article:" + articleId).getBytes(StandardCharsets.UTF_8));
            return P256.base64Url(Arrays.copyOf(hash, TOPIC_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
