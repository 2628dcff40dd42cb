package io.kabar.platform.web.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.kabar.platform.web.ClientAddresses;
import io.kabar.platform.web.FilterProblems;
import io.kabar.platform.web.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers {@code 429} once a client address has used up a rate rule's requests (a Bucket4j token bucket per client
 * and rule), and tells every client of a limited path where it stands with the IETF {@code RateLimit-Policy} and
 * {@code RateLimit} fields (draft-ietf-httpapi-ratelimit-headers).
 */
class RateLimitFilter extends OncePerRequestFilter {

    private final List<Limit> limits;
    private final ClientAddresses clients;

    RateLimitFilter(LimitsProperties properties, ClientAddresses clients) {
        this.clients = clients;
        this.limits = properties.rates().entrySet().stream()
                .map(e -> new Limit(e.getKey(), e.getValue(), properties))
                .toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = null;
        for (Limit limit : limits) {
            if (!limit.rule.matches(request)) {
                continue;
            }
            client = client == null ? clients.of(request) : client;
            ConsumptionProbe probe = limit.bucketOf(client).tryConsumeAndReturnRemaining(1);
            response.addHeader("RateLimit-Policy", limit.policy());
            response.addHeader(
                    "RateLimit",
                    "\"%s\";r=%d;t=%d"
                            .formatted(
                                    limit.name, probe.getRemainingTokens(), seconds(probe.getNanosToWaitForReset())));
            if (!probe.isConsumed()) {
                long retryAfter = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter));
                FilterProblems.write(
                        response,
                        HttpStatus.TOO_MANY_REQUESTS,
                        ProblemTypes.TOO_MANY_REQUESTS,
                        "Too many requests",
                        "At most %d requests per %d s are accepted from one client on %s; retry after %d s."
                                .formatted(
                                        limit.rate.requests(),
                                        limit.rate.per().toSeconds(),
                                        limit.rate.path(),
                                        retryAfter));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    /** One rule with its buckets, one per client address, forgotten when idle or when too many clients are known. */
    private static final class Limit {

        private final String name;
        private final LimitsProperties.Rate rate;
        private final RequestRule rule;
        private final Cache<String, Bucket> buckets;

        Limit(String name, LimitsProperties.Rate rate, LimitsProperties properties) {
            this.name = name;
            this.rate = rate;
            this.rule = rate.rule();
            // Forgetting a client sooner than its bucket refills would hand it a fresh allowance.
            Duration idle = rate.per().compareTo(properties.idleClients()) > 0 ? rate.per() : properties.idleClients();
            this.buckets = Caffeine.newBuilder()
                    .maximumSize(properties.maxClients())
                    .expireAfterAccess(idle)
                    .build();
        }

        Bucket bucketOf(String client) {
            return buckets.get(
                    client,
                    any -> Bucket.builder()
                            .addLimit(Bandwidth.builder()
                                    .capacity(rate.requests())
                                    .refillGreedy(rate.requests(), rate.per())
                                    .build())
                            .build());
        }

        String policy() {
            return "\"%s\";q=%d;w=%d"
                    .formatted(name, rate.requests(), Math.max(1, rate.per().toSeconds()));
        }
    }
}
