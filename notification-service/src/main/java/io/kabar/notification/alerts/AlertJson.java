package io.kabar.notification.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** The public shape of an alert, shared by webhooks and the live stream; {@code urgency} only when critical. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertJson(
        String alertId,
        String articleId,
        String title,
        String summary,
        String url,
        String category,
        List<String> tags,
        Instant publishedAt,
        String urgency) {}
