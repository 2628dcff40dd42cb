package io.kabar.notification.subscriptions;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts webhook signing secrets with AES-256-GCM before they reach the log, under the current key of a key ring
 * whose older keys still decrypt what they encrypted; the subscription id is bound in as associated data, so a
 * ciphertext copied onto another subscription does not decrypt.
 */
final class SecretCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys;
    private final String currentKeyId;
    private final SecureRandom random = new SecureRandom();

    SecretCipher(Map<String, SecretKey> keys, String currentKeyId) {
        if (!keys.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("no key with the current key id " + currentKeyId);
        }
        this.keys = Map.copyOf(keys);
        this.currentKeyId = currentKeyId;
    }

    String currentKeyId() {
        return currentKeyId;
    }

    Set<String> keyIds() {
        return keys.keySet();
    }

    /** The secret encrypted under the key {@code keyId}: nonce, then ciphertext and tag. */
    byte[] encrypt(String keyId, String subscriptionId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed =
                run(Cipher.ENCRYPT_MODE, keyId, subscriptionId, nonce).apply(secret.getBytes(StandardCharsets.UTF_8));
        byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
        System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
        return out;
    }

    /** The secret back; fails when the key is unknown or the bytes were tampered with or moved. */
    String decrypt(String keyId, String subscriptionId, byte[] encrypted) {
        byte[] nonce = Arrays.copyOf(encrypted, NONCE_BYTES);
        byte[] plain = run(Cipher.DECRYPT_MODE, keyId, subscriptionId, nonce)
                .apply(Arrays.copyOfRange(encrypted, NONCE_BYTES, encrypted.length));
        return new String(plain, StandardCharsets.UTF_8);
    }

    private Crypt run(int mode, String keyId, String subscriptionId, byte[] nonce) {
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("subscription " + subscriptionId + " is encrypted under key " + keyId
                    + ", which this instance does not have (kabar.notifications.secrets.keys)");
        }
        return input -> {
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
                cipher.updateAAD(subscriptionId.getBytes(StandardCharsets.UTF_8));
                return cipher.doFinal(input);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(
                        "cannot " + (mode == Cipher.ENCRYPT_MODE ? "encrypt" : "decrypt") + " the secret of "
                                + subscriptionId + " with key " + keyId,
                        e);
            }
        };
    }

    private interface Crypt {
        byte[] apply(byte[] input);
    }
}
