package io.kabar.article.publishing;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** The requests of this instance that wait for their command's outcome, by request id. */
final class PendingOutcomes {

    private final Map<String, CompletableFuture<Outcome>> waiting = new ConcurrentHashMap<>();

    /** Registers a request before its command is sent, so that no outcome can arrive unseen. */
    CompletableFuture<Outcome> expect(String requestId) {
        return waiting.computeIfAbsent(requestId, id -> new CompletableFuture<>());
    }

    void forget(String requestId) {
        waiting.remove(requestId);
    }

    /** Hands an outcome to the request that waits for it; outcomes of other instances' requests are ignored. */
    void complete(Outcome outcome) {
        CompletableFuture<Outcome> request = waiting.get(outcome.requestId());
        if (request != null) {
            request.complete(outcome);
        }
    }
}
