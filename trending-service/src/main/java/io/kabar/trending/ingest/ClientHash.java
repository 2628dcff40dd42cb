package io.kabar.trending.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a page view records of the client's network address: a truncated SHA-256, enough for the counting to tell
 * clients apart and cap the sessions each adds, without storing the address itself in the topic.
 */
final class ClientHash {

    private static final int BYTES = 8;

    private ClientHash() {}

    static String of(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(address.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
