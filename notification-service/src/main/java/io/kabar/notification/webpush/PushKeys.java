package io.kabar.notification.webpush;

import java.security.interfaces.ECPublicKey;
import java.util.Objects;

/**
 * A browser's push subscription keys: {@code p256dh}, its P-256 public key (65-byte uncompressed point), and {@code
 * auth}, its 16-byte authentication secret. Both are the subscriber's secrets as far as Kabar is concerned, so they are
 * kept where a webhook's signing secret is kept (encrypted at rest), in the form {@link #encoded()}.
 */
public record PushKeys(String p256dh, String auth) {

    /** Length of the authentication secret. */
    public static final int AUTH_BYTES = 16;

    public PushKeys {
        Objects.requireNonNull(p256dh, "p256dh");
        Objects.requireNonNull(auth, "auth");
    }

    /** The keys in the one-string form they are stored in: {@code p256dh.auth}, base64url (which has no dot). */
    public String encoded() {
        return p256dh + "." + auth;
    }

    public static PushKeys decode(String encoded) {
        int dot = encoded.indexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("stored web push keys are not p256dh.auth");
        }
        return new PushKeys(encoded.substring(0, dot), encoded.substring(dot + 1));
    }

    /** The subscriber's public key; fails with the reason if {@code p256dh} is not a P-256 point. */
    public ECPublicKey publicKey() {
        return P256.publicKey(bytes(p256dh));
    }

    /** The authentication secret; fails with the reason if it is not 16 bytes of base64url. */
    public byte[] authSecret() {
        byte[] secret = bytes(auth);
        if (secret.length != AUTH_BYTES) {
            throw new IllegalArgumentException("must be " + AUTH_BYTES + " bytes, base64url");
        }
        return secret;
    }

    private static byte[] bytes(String text) {
        try {
            return P256.fromBase64Url(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not base64url");
        }
    }
}
