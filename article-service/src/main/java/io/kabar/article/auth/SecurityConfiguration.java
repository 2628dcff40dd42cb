package io.kabar.article.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Newsroom writes need a bearer JWT with {@code articles:write}, validated by Spring Security's resource server
 * against the configured issuer or key; reads and the actuator stay open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain newsroomSecurity(
            HttpSecurity http,
            JwtDecoder newsroomJwtDecoder,
            AuthProperties properties,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        AuthProblems problems = new AuthProblems(resolver);
        return http.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/**", "/error")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET)
                        .permitAll()
                        .requestMatchers(HttpMethod.HEAD)
                        .permitAll()
                        .requestMatchers(HttpMethod.OPTIONS)
                        .permitAll()
                        // Every other method changes something: writers only, also for endpoints added later.
                        .anyRequest()
                        .hasAuthority(NewsroomScopes.authority(NewsroomScopes.WRITE)))
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(newsroomJwtDecoder)
                                .jwtAuthenticationConverter(authenticationConverter(properties)))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // A bearer token is not sent by browsers on their own, so there is no cross-site request to forge.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Reads keep their HTTP caching as before; Spring Security would mark every answer no-store.
                .headers(headers -> headers.cacheControl(HeadersConfigurer.CacheControlConfig::disable))
                .build();
    }

    @Bean
    JwtDecoder newsroomJwtDecoder(AuthProperties properties, ResourceLoader resources) {
        if (AuthProperties.isSet(properties.jwkSetUri())) {
            return validating(
                    NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build(), properties);
        }
        if (AuthProperties.isSet(properties.issuerUri())) {
            // Discovered on first use, so that the service starts while the identity provider is briefly away.
            return new SupplierJwtDecoder(() -> validating(
                    NimbusJwtDecoder.withIssuerLocation(properties.issuerUri()).build(), properties));
        }
        if (AuthProperties.isSet(properties.publicKeyLocation())) {
            return validating(
                    NimbusJwtDecoder.withPublicKey(publicKey(resources, properties.publicKeyLocation()))
                            .build(),
                    properties);
        }
        throw new IllegalStateException("article-service needs to know whom to trust for newsroom tokens: set"
                + " KABAR_AUTH_ISSUER_URI, KABAR_AUTH_JWK_SET_URI or KABAR_AUTH_PUBLIC_KEY_LOCATION"
                + " (see docs/security.md)");
    }

    private static NimbusJwtDecoder validating(NimbusJwtDecoder decoder, AuthProperties properties) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(
                AuthProperties.isSet(properties.issuerUri())
                        ? JwtValidators.createDefaultWithIssuer(properties.issuerUri())
                        : JwtValidators.createDefault());
        // Every change records who made it, so a token must name its subject.
        validators.add(new JwtClaimValidator<String>(JwtClaimNames.SUB, AuthProperties::isSet));
        if (!properties.audiences().isEmpty()) {
            validators.add(new JwtClaimValidator<List<String>>(
                    JwtClaimNames.AUD,
                    audiences -> audiences != null && audiences.stream().anyMatch(properties.audiences()::contains)));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    static JwtAuthenticationConverter authenticationConverter(AuthProperties properties) {
        JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
        if (AuthProperties.isSet(properties.authoritiesClaim())) {
            scopes.setAuthoritiesClaimName(properties.authoritiesClaim());
        }
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(scopes);
        return converter;
    }

    private static RSAPublicKey publicKey(ResourceLoader resources, String location) {
        try (InputStream in = resources.getResource(location).getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the newsroom public key at " + location, e);
        }
    }
}
