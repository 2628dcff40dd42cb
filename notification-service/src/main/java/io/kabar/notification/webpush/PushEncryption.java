package io.kabar.notification.webpush;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts a push message for one subscriber as RFC 8291 prescribes: {@code aes128gcm} content coding (RFC 8188) in a
 * single record, keyed by ECDH between a fresh ephemeral P-256 key and the subscriber's {@code p256dh}, mixed with its
 * {@code auth} secret through HKDF-SHA256; JDK crypto only.
 */
public final class PushEncryption {

    /** The record size RFC 8291 has every push service accept; one record holds the whole message. */
    public static final int RECORD_SIZE = 4096;

    private static final int SALT_BYTES = 16;
    private static final int TAG_BYTES = 16;
    private static final byte LAST_RECORD = 0x02;
    /** Largest plaintext one 4096-byte record holds: the padding delimiter and the tag take 17 bytes. */
    public static final int MAX_PLAINTEXT = RECORD_SIZE - 1 - TAG_BYTES;

    private final Supplier<KeyPair> ephemeralKeys;
    private final Supplier<byte[]> salts;

    /** Encryption with a fresh ephemeral key and salt per message, as RFC 8291 requires. */
    public PushEncryption() {
        this(PushEncryption::newKeyPair, randomSalts(new SecureRandom()));
    }

    /** Encryption with the ephemeral keys and salts given (tests reproduce the RFC's example with fixed ones). */
    public PushEncryption(Supplier<KeyPair> ephemeralKeys, Supplier<byte[]> salts) {
        this.ephemeralKeys = ephemeralKeys;
        this.salts = salts;
    }

    /**
     * The request body for the subscriber: header (salt, record size, the ephemeral public key as key id) and one
     * record. A plaintext longer than {@link #MAX_PLAINTEXT} gets a record as large as it needs, which push services may
     * refuse with 413.
     */
    public byte[] encrypt(byte[] plaintext, PushKeys subscriber) {
        ECPublicKey uaPublic = subscriber.publicKey();
        byte[] auth = subscriber.authSecret();
        KeyPair ephemeral = ephemeralKeys.get();
        byte[] asPublic = P256.encode((ECPublicKey) ephemeral.getPublic());
        byte[] salt = salts.get();
        try {
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(ephemeral.getPrivate());
            agreement.doPhase(uaPublic, true);
            byte[] ecdhSecret = agreement.generateSecret();
            byte[] keyInfo = concat(ascii("WebPush: info\0"), P256.encode(uaPublic), asPublic);
            byte[] ikm = hkdf(auth, ecdhSecret, keyInfo, 32);
            byte[] cek = hkdf(salt, ikm, ascii("Content-Encoding: aes128gcm\0"), 16);
            byte[] nonce = hkdf(salt, ikm, ascii("Content-Encoding: nonce\0"), 12);

            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(TAG_BYTES * 8, nonce));
            byte[] record = Arrays.copyOf(plaintext, plaintext.length + 1);
            record[plaintext.length] = LAST_RECORD;
            byte[] sealed = cipher.doFinal(record);

            int recordSize = Math.max(RECORD_SIZE, sealed.length);
            return ByteBuffer.allocate(SALT_BYTES + 4 + 1 + asPublic.length + sealed.length)
                    .put(salt)
                    .putInt(recordSize)
                    .put((byte) asPublic.length)
                    .put(asPublic)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDH, HmacSHA256 and AES-GCM are part of every JDK", e);
        }
    }

    /**
     * HKDF-SHA256 (RFC 5869) for outputs of at most one hash length, which is all RFC 8291 asks: extract with the salt,
     * expand once with the info and the counter byte 1.
     */
    static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
        byte[] prk = hmac(salt, ikm);
        return Arrays.copyOf(hmac(prk, concat(info, new byte[] {1})), length);
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteBuffer out = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            out.put(part);
        }
        return out.array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(P256.parameters());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK generates P-256 keys", e);
        }
    }

    private static Supplier<byte[]> randomSalts(SecureRandom random) {
        return () -> {
            byte[] salt = new byte[SALT_BYTES];
            random.nextBytes(salt);
            return salt;
        };
    }
}
