package io.kabar.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhooks the Standard Webhooks way: {@code v1,} + base64 of HMAC-SHA256 over {@code id.timestamp.body}, keyed
 * with the base64-decoded part of the secret after {@code whsec_}.
 */
final class WebhookSigner {

    private static final String PREFIX = "whsec_";

    /** One per thread: looking the algorithm up costs more than signing a webhook. */
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    });

    private WebhookSigner() {}

    static String sign(String secret, String id, long timestampSeconds, byte[] body) {
        String key = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        try {
            Mac mac = MACS.get();
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(key), "HmacSHA256"));
            mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
