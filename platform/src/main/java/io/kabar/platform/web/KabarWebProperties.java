package io.kabar.platform.web;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call a service's HTTP API from where: the browser origins allowed cross-origin, the paths they may reach, and
 * the proxies whose {@code X-Forwarded-For} is believed.
 *
 * @param allowedOrigins origins of the reader site ({@code KABAR_WEB_ALLOWED_ORIGINS}, comma-separated, such as
 *                       {@code https://www.kabar.example})
 * @param trustedProxies CIDR blocks of the load balancers or reverse proxies in front of the service
 *                       ({@code KABAR_WEB_TRUSTED_PROXIES}); only a request arriving from one of them has its client
 *                       address taken from {@code X-Forwarded-For}. None by default.
 * @param crossOrigin    path pattern ({@code /api/articles/**}) to the methods that the allowed origins may use on it;
 *                       every other path and method is refused to cross-origin callers. Set per service.
 */
@Validated
@ConfigurationProperties("kabar.web")
public record KabarWebProperties(
        @DefaultValue({"http://127.0.0.1:8080", "http://localhost:8080"}) @NotNull
        List<String> allowedOrigins,

        @DefaultValue({}) @NotNull List<String> trustedProxies,
        @DefaultValue({}) @NotNull Map<String, List<String>> crossOrigin) {}
