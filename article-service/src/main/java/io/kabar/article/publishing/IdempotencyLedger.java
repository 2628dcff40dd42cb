package io.kabar.article.publishing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the result of every publish request that carried an Idempotency-Key, rebuilt from
 * {@code news.article-requests} at start, and which keys this instance is serving right now.
 */
final class IdempotencyLedger {

    private final Map<String, CompletedRequest> completed = new ConcurrentHashMap<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    Optional<CompletedRequest> find(String key) {
        return Optional.ofNullable(completed.get(key));
    }

    void record(CompletedRequest request) {
        completed.putIfAbsent(request.key(), request);
    }

    /** The keys of completed requests that created the article. */
    List<String> keysOf(String articleId) {
        return completed.values().stream()
                .filter(r -> r.article().id().equals(articleId))
                .map(CompletedRequest::key)
                .toList();
    }

    void forget(String key) {
        completed.remove(key);
    }

    /** Claims the key for one request at a time; false while another request with the key is in flight. */
    boolean claim(String key) {
        return inFlight.add(key);
    }

    void release(String key) {
        inFlight.remove(key);
    }
}
