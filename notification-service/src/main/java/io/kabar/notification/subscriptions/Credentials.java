package io.kabar.notification.subscriptions;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues a new subscription's signing secret and management token: random, or, for a request carrying an
 * Idempotency-Key, derived with HMAC-SHA256 from the service's request key and the idempotency key, so that a retry
 * can answer the same credentials without them being stored anywhere. Only a hash of the token is ever stored.
 */
final class Credentials {

    private static final int BYTES = 32;
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private final byte[] requestKey;
    private final RandomGenerator random;

    Credentials(byte[] requestKey, RandomGenerator random) {
        this.requestKey = requestKey.clone();
        this.random = random;
    }

    /** A secret ({@code whsec_} + base64 of 32 bytes) and a token ({@code kbm_} + base64url of 32 bytes). */
    record Issued(String secret, String token) {
        String tokenHash() {
            return sha256Hex(token);
        }
    }

    Issued random() {
        return issued(randomBytes(), randomBytes());
    }

    Issued derived(String idempotencyKey) {
        return issued(mac("secret\u0000" + idempotencyKey), mac("token\u0000" + idempotencyKey));
    }

    /** Hex SHA-256, the only form in which a management token is stored; also request fingerprints. */
    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether the presented token hashes to the stored hash, compared in constant time. */
    static boolean matches(String presented, String storedHash) {
        if (presented == null || storedHash == null) {
            return false;
        }
        byte[] stored;
        try {
            stored = HexFormat.of().parseHex(storedHash);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sha256(presented.getBytes(StandardCharsets.UTF_8)), stored);
    }

    private static Issued issued(byte[] secret, byte[] token) {
        return new Issued(
                "whsec_" + Base64.getEncoder().encodeToString(secret), "kbm_" + URL_SAFE.encodeToString(token));
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return bytes;
    }

    private byte[] mac(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(requestKey, "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
