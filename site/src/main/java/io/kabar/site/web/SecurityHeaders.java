package io.kabar.site.web;

import io.kabar.site.SiteProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends every answer with a Content-Security-Policy that allows only the site's own script and styles, connections
 * only to the alert stream and the page-view endpoint, and no framing; so even a title that slipped through escaping
 * could run nothing.
 */
@Component
class SecurityHeaders extends OncePerRequestFilter {

    private final String policy;

    SecurityHeaders(SiteProperties site) {
        this.policy = String.join(
                "; ",
                "default-src 'none'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' https: data:",
                "connect-src 'self' " + SiteProperties.origin(site.alertStream()) + " "
                        + SiteProperties.origin(site.pageViews()),
                "form-action 'self'",
                "base-uri 'none'",
                "frame-ancestors 'none'");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        chain.doFilter(request, response);
    }
}
