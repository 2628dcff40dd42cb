package io.kabar.notification.subscriptions;

import io.kabar.notification.NotificationProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** Reads the key ring of {@code kabar.notifications.secrets} (entries and file) into a {@link SecretCipher}. */
final class SecretKeys {

    private SecretKeys() {}

    static SecretCipher cipher(NotificationProperties.Secrets settings) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        settings.keys().forEach(entry -> add(keys, entry, ':', "kabar.notifications.secrets.keys"));
        if (!settings.keysFile().isBlank()) {
            for (String line : lines(Path.of(settings.keysFile()))) {
                if (!line.isBlank() && !line.strip().startsWith("#")) {
                    add(keys, line.strip(), '=', settings.keysFile());
                }
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException(
                    "no key to encrypt webhook secrets with: set"
                            + " KABAR_NOTIFICATIONS_SECRETS_KEYS or KABAR_NOTIFICATIONS_SECRETS_KEYS_FILE (see docs/security.md)");
        }
        String current = settings.currentKey().isBlank() ? onlyKey(keys) : settings.currentKey();
        return new SecretCipher(keys, current);
    }

    private static String onlyKey(Map<String, SecretKey> keys) {
        if (keys.size() != 1) {
            throw new IllegalStateException("several webhook secret keys (" + keys.keySet()
                    + "): say which one encrypts with KABAR_NOTIFICATIONS_SECRETS_CURRENT_KEY");
        }
        return keys.keySet().iterator().next();
    }

    private static void add(Map<String, SecretKey> keys, String entry, char separator, String source) {
        int at = entry.indexOf(separator);
        if (at <= 0) {
            throw new IllegalStateException("a key in " + source + " is not id" + separator + "base64");
        }
        String id = entry.substring(0, at).strip();
        byte[] key;
        try {
            key = Base64.getDecoder().decode(entry.substring(at + 1).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("key " + id + " in " + source + " is not base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException("key " + id + " in " + source + " must be 32 bytes (AES-256)");
        }
        keys.put(id, new SecretKeySpec(key, "AES"));
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the webhook secret keys in " + file, e);
        }
    }
}
