package io.kabar.notification.webpush;

import io.kabar.notification.NotificationProperties;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Reads the service's VAPID key pair from {@code kabar.notifications.webpush} (inline or a key file) and checks that
 * its halves belong together. Never generates one: a new key would silently invalidate every browser subscription,
 * so a key is generated once, on purpose ({@link VapidKeyFile}), and shared by every instance.
 */
final class VapidKeys {

    static final String PUBLIC = "public-key";
    static final String PRIVATE = "private-key";

    private VapidKeys() {}

    static Optional<Vapid> load(NotificationProperties.WebPush settings, Clock clock) {
        String publicKey = settings.vapidPublicKey();
        String privateKey = settings.vapidPrivateKey();
        String source = "kabar.notifications.webpush.vapid-public-key/-private-key";
        if (!settings.vapidKeysFile().isBlank()) {
            if (!publicKey.isBlank() || !privateKey.isBlank()) {
                throw new IllegalStateException(
                        "set the VAPID key either inline or in kabar.notifications.webpush.vapid-keys-file, not both");
            }
            Properties file = read(Path.of(settings.vapidKeysFile()));
            publicKey = file.getProperty(PUBLIC, "");
            privateKey = file.getProperty(PRIVATE, "");
            source = settings.vapidKeysFile();
        }
        if (publicKey.isBlank() && privateKey.isBlank()) {
            return Optional.empty();
        }
        String publicText = publicKey;
        String privateText = privateKey;
        ECPublicKey pub = decode(source, PUBLIC, () -> P256.publicKey(P256.fromBase64Url(required(publicText))));
        ECPrivateKey priv = decode(source, PRIVATE, () -> P256.privateKey(P256.fromBase64Url(required(privateText))));
        if (!pair(pub, priv)) {
            throw new IllegalStateException("the VAPID public and private key in " + source + " are not one pair");
        }
        return Optional.of(new Vapid(pub, priv, settings.subject(), clock));
    }

    /** Generates a new pair (only {@link VapidKeyFile} does, on purpose). */
    static KeyPair generate() {
        return PushEncryption.newKeyPair();
    }

    private static String required(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("is missing");
        }
        return value;
    }

    private static <K> K decode(String source, String name, Supplier<K> key) {
        try {
            return key.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("VAPID " + name + " in " + source + ": " + e.getMessage(), e);
        }
    }

    private static boolean pair(ECPublicKey pub, ECPrivateKey priv) {
        try {
            byte[] probe = "kabar-vapid-probe".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
            signer.initSign(priv);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(pub);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the VAPID keys in " + file, e);
        }
        return properties;
    }
}
