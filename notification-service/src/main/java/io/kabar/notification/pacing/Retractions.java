package io.kabar.notification.pacing;

import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.ArticleEventType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The articles unpublished lately, fed by a mirror of {@code news.articles}, so that a digest leaves out alerts whose
 * articles were withdrawn while they were held. Remembers an article for {@code memory} after its withdrawal (longer
 * than any alert is held), so it holds the withdrawals of that span, not of all time.
 */
final class Retractions {

    private final Map<String, Instant> unpublished = new ConcurrentHashMap<>();
    private final Duration memory;

    Retractions(Duration memory) {
        this.memory = memory;
    }

    /** A record of {@code news.articles}: an UNPUBLISHED event (or a tombstone) retracts, any other restores. */
    void apply(String articleId, ArticleEvent event, Instant now) {
        if (event == null || event.getEventType() == ArticleEventType.UNPUBLISHED) {
            Instant at = event == null ? now : event.getOccurredAt();
            if (at.isAfter(now.minus(memory))) {
                unpublished.put(articleId, at);
            }
        } else {
            unpublished.remove(articleId);
        }
    }

    boolean retracted(String articleId) {
        return unpublished.containsKey(articleId);
    }

    /** Forgets withdrawals older than the memory. */
    void prune(Instant now) {
        Instant horizon = now.minus(memory);
        unpublished.values().removeIf(at -> at.isBefore(horizon));
    }

    int size() {
        return unpublished.size();
    }
}
