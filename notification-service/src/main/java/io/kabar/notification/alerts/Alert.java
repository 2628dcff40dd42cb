package io.kabar.notification.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A breaking-news alert about one article, or a later message about it (an update or a retraction, under the same
 * alert id), as every channel sees it.
 *
 * @param articleRevision the revision this message describes: the one that alerted, or the one that changed it
 * @param summary         may be null
 * @param category        the alert's category and {@code tags} are those it was created with in every later message:
 *                        they decided who got it
 * @param createdAt       when the alert was created, the same in its later messages
 * @param critical        the editor marked it critical: it bypasses subscribers' quiet hours and daily caps
 * @param changedAt       when the update or retraction was made; null for the alert itself
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
        boolean critical,
        Type type,
        Instant changedAt) {

    /** What a message says about its alert; the wire name is the {@code type} subscribers see. */
    public enum Type {
        CREATED("alert.created"),
        UPDATED("alert.updated"),
        RETRACTED("alert.retracted");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public Alert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(type, "type");
        tags = List.copyOf(tags);
    }

    /** The alert itself ({@link Type#CREATED}). */
    public Alert(
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
        this(
                alertId,
                articleId,
                articleRevision,
                title,
                summary,
                url,
                category,
                tags,
                publishedAt,
                createdAt,
                critical,
                Type.CREATED,
                null);
    }

    /** An update of this alert to what revision {@code revision} of its article shows. */
    public Alert updatedTo(long revision, String title, String summary, String url, Instant at) {
        return new Alert(
                alertId,
                articleId,
                revision,
                title,
                summary,
                url,
                category,
                tags,
                publishedAt,
                createdAt,
                critical,
                Type.UPDATED,
                at);
    }

    /**
     * This alert as it reads after {@code update} (an update of it): still the alert itself, for subscribers who have
     * not been sent it yet (a digest holding it).
     */
    public Alert correctedBy(Alert update) {
        return new Alert(
                alertId,
                articleId,
                update.articleRevision,
                update.title,
                update.summary,
                update.url,
                category,
                tags,
                publishedAt,
                createdAt,
                critical,
                type,
                changedAt);
    }

    /** The retraction of this alert: no article content, only what routes it to those who got the alert. */
    public Alert retracted(long revision, Instant at) {
        return new Alert(
                alertId,
                articleId,
                revision,
                "",
                null,
                "",
                category,
                tags,
                publishedAt,
                createdAt,
                critical,
                Type.RETRACTED,
                at);
    }

    /** When this message was issued: the alert's creation, or the change it reports. */
    public Instant issuedAt() {
        return changedAt == null ? createdAt : changedAt;
    }

    /** What a subscriber receives: the same JSON in a webhook body and in a stream event; no content in a retraction. */
    public AlertJson json() {
        if (type == Type.RETRACTED) {
            return new AlertJson(
                    type.wireName(), alertId, articleId, null, null, null, null, null, null, changedAt, null);
        }
        return new AlertJson(
                type.wireName(),
                alertId,
                articleId,
                title,
                summary,
                url,
                category,
                tags,
                publishedAt,
                changedAt,
                critical ? "critical" : null);
    }
}
