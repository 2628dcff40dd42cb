package io.kabar.notification.webpush;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * Identifies Kabar to push services the RFC 8292 way: {@code Authorization: vapid t=<JWT>, k=<public key>}, the JWT
 * signed ES256 with the service's VAPID key and naming the endpoint's origin ({@code aud}), an expiry ({@code exp},
 * {@link #LIFETIME} ahead) and a contact ({@code sub}). A token is reused for an origin until half its lifetime is
 * gone, so a fan-out signs once per push service, not once per subscriber.
 */
public final class Vapid {

    /** How long a token is valid; RFC 8292 allows at most 24 hours. */
    public static final Duration LIFETIME = Duration.ofHours(12);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HEADER =
            P256.base64Url("{\"typ\":\"JWT\",\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8));

    private final ECPrivateKey privateKey;
    private final String publicKey;
    private final String subject;
    private final Clock clock;
    // One entry per push service origin called; bounded like the host lanes, by the hosts subscriptions point to.
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    public Vapid(ECPublicKey publicKey, ECPrivateKey privateKey, String subject, Clock clock) {
        this.privateKey = privateKey;
        this.publicKey = P256.base64Url(P256.encode(publicKey));
        this.subject = subject;
        this.clock = clock;
    }

    /** The application server key for {@code PushManager.subscribe}: the public key's point, base64url. */
    public String publicKey() {
        return publicKey;
    }

    /** The {@code Authorization} header value for a request to this endpoint. */
    public String authorization(URI endpoint) {
        String audience = origin(endpoint);
        Instant now = clock.instant();
        Token token = tokens.compute(audience, (a, held) -> held != null && held.freshAt(now) ? held : sign(a, now));
        return "vapid t=" + token.jwt() + ", k=" + publicKey;
    }

    /** The origin of a URL as RFC 6454 serialises it: scheme, host and any non-default port. */
    static String origin(URI endpoint) {
        String scheme = endpoint.getScheme().toLowerCase(java.util.Locale.ROOT);
        int port = endpoint.getPort();
        boolean defaultPort =
                port == -1 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        return scheme + "://" + endpoint.getHost().toLowerCase(java.util.Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private Token sign(String audience, Instant now) {
        Instant expires = now.plus(LIFETIME);
        byte[] claims =
                JSON.writeValueAsBytes(Map.of("aud", audience, "exp", expires.getEpochSecond(), "sub", subject));
        String signingInput = HEADER + "." + P256.base64Url(claims);
        try {
            // P1363 format: the raw r || s that JWS (RFC 7518) wants, not the DER the plain algorithm gives.
            Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
            signature.initSign(privateKey);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return new Token(signingInput + "." + P256.base64Url(signature.sign()), now.plus(LIFETIME.dividedBy(2)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a VAPID token", e);
        }
    }

    private record Token(String jwt, Instant renewAt) {
        boolean freshAt(Instant now) {
            return now.isBefore(renewAt);
        }
    }
}
