package io.kabar.trending.ingest;

import io.kabar.platform.web.ApiProblem.FieldError;
import io.kabar.schemas.PageView;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One page view as a reader's browser reports it; every field is read as text so that all of a view's mistakes can be
 * reported at once, not just the first one Jackson meets.
 *
 * @param viewedAt ISO-8601 with an offset, such as {@code 2026-03-02T17:00:00+07:00}; the time of receipt if absent
 */
record PageViewRequest(String articleId, String sessionId, String viewedAt, String referrer) {

    static final int MAX_ID_LENGTH = 100;
    static final int MAX_SESSION_LENGTH = 200;
    static final int MAX_REFERRER_LENGTH = 2000;

    /**
     * The view as an event, or null after adding its errors, each named {@code prefix + field}, to {@code errors}.
     *
     * @param maxAge how far in the past {@code viewedAt} may lie: older views would arrive after the counting's grace
     * @param client the hash of the client's address, or null
     */
    PageView toEvent(
            String prefix, Instant now, Duration maxAge, Duration maxSkew, String client, List<FieldError> errors) {
        int before = errors.size();
        required(prefix + "articleId", articleId, MAX_ID_LENGTH, errors);
        required(prefix + "sessionId", sessionId, MAX_SESSION_LENGTH, errors);
        if (referrer != null && referrer.length() > MAX_REFERRER_LENGTH) {
            errors.add(new FieldError(prefix + "referrer", "must be at most " + MAX_REFERRER_LENGTH + " characters"));
        }
        Instant at = now;
        if (viewedAt != null) {
            try {
                at = OffsetDateTime.parse(viewedAt).toInstant();
                if (at.isAfter(now.plus(maxSkew))) {
                    errors.add(new FieldError(
                            prefix + "viewedAt",
                            "must not be more than " + maxSkew.toSeconds() + " seconds in the future"));
                } else if (at.isBefore(now.minus(maxAge))) {
                    errors.add(new FieldError(
                            prefix + "viewedAt",
                            "must not be more than " + maxAge.toSeconds() + " seconds in the past"));
                }
            } catch (DateTimeException e) {
                errors.add(new FieldError(
                        prefix + "viewedAt",
                        "must be an ISO-8601 instant with an offset, such as 2026-03-02T17:00:00+07:00"));
            }
        }
        if (errors.size() > before) {
            return null;
        }
        return PageView.newBuilder()
                .setArticleId(articleId)
                .setSessionId(sessionId)
                .setViewedAt(at)
                .setReferrer(referrer == null || referrer.isBlank() ? null : referrer)
                .setClient(client)
                .build();
    }

    private static void required(String field, String value, int maxLength, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "must not be blank"));
        } else if (value.length() > maxLength) {
            errors.add(new FieldError(field, "must be at most " + maxLength + " characters"));
        }
    }
}
