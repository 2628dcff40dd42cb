package io.kabar.notification.subscriptions;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers every subscribe request that carried an Idempotency-Key (rebuilt from
 * {@code news.subscription-requests}), and which keys this instance is serving right now. Entries older than the
 * topic's retention are dropped as new ones arrive, so it holds at most a retention's worth of keyed requests.
 */
final class RequestLedger {

    /** A completed keyed request: the subscription it created and when. */
    record Completed(String key, String fingerprint, String subscriptionId, Instant at) {}

    private final Map<String, Completed> completed = new ConcurrentHashMap<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Duration retention;

    RequestLedger(Duration retention) {
        this.retention = retention;
    }

    Optional<Completed> find(String key) {
        return Optional.ofNullable(completed.get(key));
    }

    void record(Completed request) {
        completed.putIfAbsent(request.key(), request);
        Instant horizon = request.at().minus(retention);
        if (completed.size() % 1024 == 0) {
            completed.values().removeIf(c -> c.at().isBefore(horizon));
        }
    }

    int size() {
        return completed.size();
    }

    /** Claims the key for one request at a time; false while another request with the key is in flight. */
    boolean claim(String key) {
        return inFlight.add(key);
    }

    void release(String key) {
        inFlight.remove(key);
    }
}
