package io.kabar.article.auth;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whom article-service trusts for newsroom tokens, each overridable by environment variable (for example
 * {@code KABAR_AUTH_ISSUER_URI}). Exactly one source of signing keys is used: the JWK set URI, else the issuer's
 * discovery document, else the public key file; blank values count as unset.
 *
 * @param issuerUri         an OpenID Connect / OAuth 2.0 issuer; its keys are discovered and {@code iss} must match
 * @param jwkSetUri         where the issuer publishes its signing keys, when discovery is not wanted or possible
 * @param publicKeyLocation an RSA public key (PEM), as a Spring resource such as {@code file:.kabar/auth/public-key.pem}
 * @param authoritiesClaim  the claim whose values are the caller's scopes; blank means {@code scope} or {@code scp}
 * @param audiences         when not empty, a token's {@code aud} must name one of these
 */
@ConfigurationProperties("kabar.auth")
public record AuthProperties(
        String issuerUri,
        String jwkSetUri,
        String publicKeyLocation,
        String authoritiesClaim,
        @DefaultValue List<String> audiences) {

    public AuthProperties {
        // An empty environment variable (as docker-compose passes an unset one) means no audience check.
        audiences = audiences == null
                ? List.of()
                : audiences.stream().filter(AuthProperties::isSet).toList();
    }

    static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
