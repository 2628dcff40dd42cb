package io.kabar.article.publishing;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers the result of every publish request that carried an Idempotency-Key, rebuilt from
 * {@code news.article-requests} at start, for as long as that topic keeps it: a record older than the topic's
 * retention counts as gone, so that an instance that has held it since then answers as a new one that never read it.
 */
final class IdempotencyLedger {

    private static final int PURGE_EVERY = 1024;

    private final Map<String, CompletedRequest> completed = new ConcurrentHashMap<>();
    private final Duration retention;
    private final Clock clock;
    private final AtomicLong recorded = new AtomicLong();

    IdempotencyLedger(Duration retention, Clock clock) {
        this.retention = retention;
        this.clock = clock;
    }

    Optional<CompletedRequest> find(String key) {
        return Optional.ofNullable(completed.get(key)).filter(this::current);
    }

    void record(CompletedRequest request) {
        if (!current(request)) {
            return;
        }
        completed.merge(request.key(), request, (kept, newer) -> current(kept) ? kept : newer);
        if (recorded.incrementAndGet() % PURGE_EVERY == 0) {
            completed.values().removeIf(r -> !current(r));
        }
    }

    /** The keys of the completed requests that created the article. */
    List<String> keysCreating(String articleId) {
        return completed.values().stream()
                .filter(r -> r.article().id().equals(articleId))
                .map(CompletedRequest::key)
                .toList();
    }

    /** Drops a request whose record was tombstoned (its article was taken down). */
    void forget(String key) {
        completed.remove(key);
    }

    private boolean current(CompletedRequest request) {
        return request.at().plus(retention).isAfter(clock.instant());
    }
}
