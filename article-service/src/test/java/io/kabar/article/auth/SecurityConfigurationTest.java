package io.kabar.article.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class SecurityConfigurationTest {

    @Test
    void refusesToStartWithoutKnowingWhomToTrust() {
        AuthProperties nothing = new AuthProperties(" ", "", null, null, List.of(""));

        assertThatThrownBy(() -> new SecurityConfiguration().newsroomJwtDecoder(nothing, new DefaultResourceLoader()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("KABAR_AUTH_ISSUER_URI");
        assertThat(nothing.audiences()).isEmpty();
    }

    @Test
    void readsScopesFromTheScopeClaimByDefault() {
        Jwt jwt = jwt("scope", "articles:write articles:breaking");

        assertThat(authorities(new AuthProperties(null, null, null, null, List.of()), jwt))
                .containsExactlyInAnyOrder("SCOPE_articles:write", "SCOPE_articles:breaking");
    }

    @Test
    void readsScopesFromTheConfiguredClaim() {
        Jwt jwt = jwt("roles", List.of("articles:write"));

        assertThat(authorities(new AuthProperties(null, null, null, "roles", List.of()), jwt))
                .containsExactly("SCOPE_articles:write");
    }

    private static List<String> authorities(AuthProperties properties, Jwt jwt) {
        return SecurityConfiguration.authenticationConverter(properties).convert(jwt).getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("SCOPE_"))
                .toList();
    }

    private static Jwt jwt(String claim, Object value) {
        return Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("redaktur-1")
                .claim(claim, value)
                .issuedAt(Instant.now())
                .build();
    }
}
