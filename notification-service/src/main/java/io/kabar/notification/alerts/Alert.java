package io.kabar.notification.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A breaking-news alert about one article revision, as every channel sees it.
 *
 * @param summary  may be null
 * @param critical the editor marked it critical: it bypasses subscribers' quiet hours and daily caps
 */
public record Alert(
        String alertId,
        String articleId,
        long articleRevision,
        String title,
        String summary,
        String url,
        String category,
        List<String> tags,
        Instant publishedAt,
        Instant createdAt,
        boolean critical) {

    public Alert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(articleId, "articleId");
        tags = List.copyOf(tags);
    }

    /** What a subscriber receives: the same JSON in a webhook body and in a stream event. */
    public AlertJson json() {
        return new AlertJson(
                alertId, articleId, title, summary, url, category, tags, publishedAt, critical ? "critical" : null);
    }
}
