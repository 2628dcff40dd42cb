package io.kabar.notification.matching;

import io.kabar.notification.alerts.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides what a later event of an alerted article tells the alert's subscribers: a retraction when the article is
 * unpublished (or taken down), an update when its title, summary or URL (which ends in the slug) reads differently
 * from what they were last told, nothing for any other change (body, tags, category, image, breaking flag) and
 * nothing once the alert is retracted or the change comes after the alert window.
 */
final class FollowUps {

    /** What an article event says, as far as follow-ups care; {@code title} etc. are unused when unpublished. */
    record Change(boolean unpublished, long revision, String title, String summary, String url, Instant occurredAt) {}

    private final Duration window;

    FollowUps(Duration window) {
        this.window = window;
    }

    /** The message to send after {@code last} (the newest one sent about the alert), if any; issued at {@code now}. */
    Optional<Alert> after(Alert last, Change change, Instant now) {
        if (last == null || last.type() == Alert.Type.RETRACTED) {
            return Optional.empty();
        }
        // Within the alert window of the alert, and read while recent (a replayed old log follows nothing up).
        boolean inWindow = !change.occurredAt().isAfter(last.createdAt().plus(window))
                && !change.occurredAt().isBefore(now.minus(window));
        if (!inWindow) {
            return Optional.empty();
        }
        if (change.unpublished()) {
            return Optional.of(last.retracted(change.revision(), now));
        }
        boolean noticeable = !same(last.title(), change.title())
                || !same(last.summary(), change.summary())
                || !same(last.url(), change.url());
        return noticeable
                ? Optional.of(last.updatedTo(change.revision(), change.title(), change.summary(), change.url(), now))
                : Optional.empty();
    }

    /** Equal as a reader sees them: runs of whitespace and leading or trailing blanks do not show. */
    private static boolean same(String shown, String now) {
        return Objects.equals(normalized(shown), normalized(now));
    }

    private static String normalized(String text) {
        if (text == null) {
            return null;
        }
        String collapsed = text.strip().replaceAll("\\s+", " ");
        return collapsed.isEmpty() ? null : collapsed;
    }
}
