package io.kabar.notification.webpush;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;

/**
 * Creates a VAPID key file once: {@code java ... VapidKeyFile <file>} writes a new P-256 pair there (owner-only) unless
 * the file exists, which it leaves alone, so running it again never replaces the key browsers subscribed with.
 */
public final class VapidKeyFile {

    private VapidKeyFile() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: VapidKeyFile <file>");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        if (Files.exists(file)) {
            System.out.println("kept the VAPID keys in " + file);
            return;
        }
        System.out.println(write(file));
    }

    /** Writes a new pair to a file that must not exist yet; answers what it did. */
    static String write(Path file) throws IOException {
        KeyPair pair = VapidKeys.generate();
        String text = "# notification-service's VAPID key pair (web push). Keep it: a new one invalidates every browser"
                + " subscription.\n"
                + VapidKeys.PUBLIC + "=" + P256.base64Url(P256.encode((ECPublicKey) pair.getPublic())) + "\n"
                + VapidKeys.PRIVATE + "=" + P256.base64Url(P256.encode((ECPrivateKey) pair.getPrivate())) + "\n";
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return "created a VAPID key pair in " + file;
    }
}
