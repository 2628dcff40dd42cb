package io.kabar.site.apis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Keeps what a service answered for a short while, so that a busy page asks each service once per key and interval
 * instead of once per reader; while one request refreshes a stale value the others keep serving it, and a failed
 * refresh keeps the last good one.
 */
final class FreshFor<V> {

    private record Entry<V>(V value, Instant fetchedAt, AtomicBoolean refreshing) {}

    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;
    private final int maxEntries;

    FreshFor(Duration ttl, Clock clock, int maxEntries) {
        this.ttl = ttl;
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    /** The kept value when fresh; otherwise {@code fetch}'s, which answers empty when the service failed. */
    V get(String key, Function<String, Optional<V>> fetch, V fallback) {
        Entry<V> entry = entries.get(key);
        Instant now = clock.instant();
        if (entry != null && now.isBefore(entry.fetchedAt().plus(ttl))) {
            return entry.value();
        }
        if (entry != null && !entry.refreshing().compareAndSet(false, true)) {
            return entry.value();
        }
        Optional<V> fetched = fetch.apply(key);
        if (fetched.isEmpty()) {
            if (entry != null) {
                entry.refreshing().set(false);
                return entry.value();
            }
            return fallback;
        }
        if (entries.size() >= maxEntries) {
            // A crude bound: the articles read right now come back within one interval.
            entries.clear();
        }
        entries.put(key, new Entry<>(fetched.get(), now, new AtomicBoolean()));
        return fetched.get();
    }
}
