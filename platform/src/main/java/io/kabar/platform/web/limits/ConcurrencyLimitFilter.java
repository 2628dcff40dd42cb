package io.kabar.platform.web.limits;

import io.kabar.platform.web.ClientAddresses;
import io.kabar.platform.web.FilterProblems;
import io.kabar.platform.web.ProblemTypes;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds the long-lived requests (event streams) open at once: {@code 429} beyond a client address's share,
 * {@code 503} when the instance holds its total. A slot is held until the request ends, asynchronous ones included.
 */
class ConcurrencyLimitFilter extends OncePerRequestFilter {

    private static final String RETRY_AFTER_SECONDS = "5";

    private final List<Slots> slots;
    private final ClientAddresses clients;

    ConcurrencyLimitFilter(LimitsProperties properties, ClientAddresses clients) {
        this.clients = clients;
        this.slots = properties.concurrent().entrySet().stream()
                .map(e -> new Slots(e.getKey(), e.getValue()))
                .toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Slots matching =
                slots.stream().filter(s -> s.rule.matches(request)).findFirst().orElse(null);
        if (matching == null) {
            chain.doFilter(request, response);
            return;
        }
        String client = clients.of(request);
        Refusal refusal = matching.take(client);
        if (refusal != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            FilterProblems.write(response, refusal.status, refusal.type, refusal.title, refusal.detail);
            return;
        }
        Runnable release = once(() -> matching.give(client));
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new Releasing(release));
            } else {
                release.run();
            }
        }
    }

    private static Runnable once(Runnable action) {
        AtomicBoolean done = new AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true)) {
                action.run();
            }
        };
    }

    private record Refusal(HttpStatus status, java.net.URI type, String title, String detail) {}

    /** The open requests of one rule: a count per client address, kept only while it is above zero. */
    private static final class Slots {

        private final String name;
        private final LimitsProperties.Concurrent limit;
        private final RequestRule rule;
        private final Map<String, Integer> perClient = new ConcurrentHashMap<>();
        private final AtomicInteger total = new AtomicInteger();

        Slots(String name, LimitsProperties.Concurrent limit) {
            this.name = name;
            this.limit = limit;
            this.rule = limit.rule();
        }

        Refusal take(String client) {
            if (total.incrementAndGet() > limit.total()) {
                total.decrementAndGet();
                return new Refusal(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        ProblemTypes.STREAMS_EXHAUSTED,
                        "Instance full",
                        "This instance holds its %d open %s; retry, another instance may take it."
                                .formatted(limit.total(), name));
            }
            boolean[] admitted = {false};
            perClient.compute(client, (key, open) -> {
                int now = open == null ? 0 : open;
                admitted[0] = now < limit.perClient();
                return admitted[0] ? now + 1 : open;
            });
            if (!admitted[0]) {
                total.decrementAndGet();
                return new Refusal(
                        HttpStatus.TOO_MANY_REQUESTS,
                        ProblemTypes.TOO_MANY_STREAMS,
                        "Too many open requests",
                        "At most %d %s may be open at once from one client; close one first."
                                .formatted(limit.perClient(), name));
            }
            return null;
        }

        void give(String client) {
            perClient.computeIfPresent(client, (key, open) -> open > 1 ? open - 1 : null);
            total.decrementAndGet();
        }
    }

    /** Gives the slot back however an asynchronous request ends. */
    private record Releasing(Runnable release) implements AsyncListener {

        @Override
        public void onComplete(AsyncEvent event) {
            release.run();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            release.run();
        }

        @Override
        public void onError(AsyncEvent event) {
            release.run();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
