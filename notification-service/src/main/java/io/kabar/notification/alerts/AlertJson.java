package io.kabar.notification.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The public shape of an alert message, shared by webhooks and the live stream: {@code type} is
 * {@code alert.created}, {@code alert.updated} or {@code alert.retracted}; a retraction carries only the ids and
 * {@code changedAt}; {@code urgency} is there only when critical.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertJson(
        String type,
        String alertId,
        String articleId,
        String title,
        String summary,
        String url,
        String category,
        List<String> tags,
        Instant publishedAt,
        Instant changedAt,
        String urgency) {}
