package io.kabar.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Builds the CORS filter: the reader site's origins may use the methods configured for each path, and every other
 * cross-origin request, preflight or not, is refused with a {@code 403} problem (writes above all, so that another
 * site's page cannot post in a reader's name).
 */
final class CrossOrigin {

    private CrossOrigin() {}

    static CorsFilter filter(KabarWebProperties properties) {
        Map<String, CorsConfiguration> byPath = new LinkedHashMap<>();
        properties.crossOrigin().forEach((path, methods) -> byPath.put(path, allowing(properties, methods)));
        // Last, so that it applies only where no path above does: an empty configuration allows no origin.
        byPath.put("/**", new CorsConfiguration());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.setCorsConfigurations(byPath);
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new Refusing());
        return filter;
    }

    private static CorsConfiguration allowing(KabarWebProperties properties, List<String> methods) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.allowedOrigins());
        cors.setAllowedMethods(methods);
        // Content-Type for JSON page views sent with fetch; Last-Event-ID for EventSource resuming a stream.
        cors.setAllowedHeaders(List.of("Content-Type", "Last-Event-ID"));
        cors.setExposedHeaders(List.of("ETag", "Location", "Retry-After", "RateLimit", "RateLimit-Policy"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
        return cors;
    }

    /** Refuses as every other Kabar refusal does: {@code application/problem+json} with a type. */
    private static final class Refusing extends DefaultCorsProcessor {

        @Override
        protected void rejectRequest(ServerHttpResponse response) throws IOException {
            HttpServletResponse servlet = ((ServletServerHttpResponse) response).getServletResponse();
            // The Vary headers set so far wait in the wrapper until flushed, which would commit a 200.
            response.getHeaders().forEach((name, values) -> values.forEach(v -> servlet.addHeader(name, v)));
            FilterProblems.write(
                    servlet,
                    HttpStatus.FORBIDDEN,
                    ProblemTypes.CROSS_ORIGIN_REFUSED,
                    "Cross-origin request refused",
                    "This origin may not make this request; see the service's documented cross-origin paths.");
        }
    }
}
