package io.kabar.notification.alerts;

import io.kabar.schemas.AlertType;
import io.kabar.schemas.AlertUrgency;
import io.kabar.schemas.BreakingAlert;

/** Maps alerts to and from their Avro form at the Kafka edge. */
public final class AlertRecords {

    private AlertRecords() {}

    public static BreakingAlert toAvro(Alert alert) {
        return BreakingAlert.newBuilder()
                .setAlertId(alert.alertId())
                .setArticleId(alert.articleId())
                .setArticleRevision(alert.articleRevision())
                .setTitle(alert.title())
                .setSummary(alert.summary())
                .setUrl(alert.url())
                .setCategory(alert.category())
                .setTags(alert.tags())
                .setPublishedAt(alert.publishedAt())
                .setCreatedAt(alert.createdAt())
                .setType(AlertType.valueOf(alert.type().name()))
                .setChangedAt(alert.changedAt())
                .setUrgency(alert.critical() ? AlertUrgency.CRITICAL : AlertUrgency.NORMAL)
                .build();
    }

    public static Alert fromAvro(BreakingAlert alert) {
        return new Alert(
                alert.getAlertId(),
                alert.getArticleId(),
                alert.getArticleRevision(),
                alert.getTitle(),
                alert.getSummary(),
                alert.getUrl(),
                alert.getCategory(),
                alert.getTags(),
                alert.getPublishedAt(),
                alert.getCreatedAt(),
                alert.getUrgency() == AlertUrgency.CRITICAL,
                Alert.Type.valueOf(alert.getType().name()),
                alert.getChangedAt());
    }
}
