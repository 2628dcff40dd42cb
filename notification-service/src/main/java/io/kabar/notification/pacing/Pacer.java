package io.kabar.notification.pacing;

import io.kabar.notification.alerts.Alert;
import io.kabar.notification.subscriptions.Pacing;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Decides, without side effects, whether an alert goes to a paced subscriber now, is held for a digest or dropped,
 * and when held alerts are released: critical alerts always go; an alert in quiet hours waits for their end; one over
 * the daily cap waits for the first moment of the next local day outside quiet hours. A follow-up (update, retraction)
 * of a held alert is folded into the digest; one of an alert already sent goes at once, uncounted. A retraction folded
 * into a digest is remembered (see {@link PacingState#following}) for {@code memory}, at least as long as a delivery
 * stays on {@code news.alert-deliveries}, so the same retraction redelivered after a crash is folded again, not sent
 * to a subscriber who never saw the alert.
 */
final class Pacer {

    enum Verdict {
        SEND,
        HOLD,
        DROP,
        /** A follow-up of a held alert, applied to it in the digest instead of being sent. */
        FOLD
    }

    /** The verdict and the state to keep ({@code next == state} when nothing changed). */
    record Decision(Verdict verdict, PacingState next) {}

    /** A digest to send (empty when every held alert was retracted or none was held) and the state after it. */
    record Release(List<Alert> digest, PacingState next) {}

    private Pacer() {}

    static Decision decide(PacingState state, Pacing pacing, Alert alert, Instant now) {
        if (alert.critical()) {
            return new Decision(Verdict.SEND, state); // bypasses quiet hours and the cap, and does not count
        }
        if (alert.type() != Alert.Type.CREATED) {
            // It corrects what the subscriber was sent: at once, uncounted; unless the alert waits in the digest.
            return state.holds(alert.alertId())
                    ? new Decision(Verdict.FOLD, state.following(alert, now))
                    : new Decision(Verdict.SEND, state);
        }
        PacingState today = state.on(pacing.day(now));
        if (today.counted().contains(alert.alertId())) {
            return new Decision(Verdict.SEND, state); // a redelivery of an alert already let through and counted
        }
        if (state.holds(alert.alertId())) {
            return new Decision(Verdict.HOLD, state); // a redelivery of an alert already held
        }
        boolean quiet = pacing.quietAt(now);
        boolean overCap = pacing.maxPerDay() != null && today.counted().size() >= pacing.maxPerDay();
        if (!quiet && !overCap) {
            return new Decision(Verdict.SEND, pacing.maxPerDay() == null ? state : today.counting(alert.alertId()));
        }
        if (pacing.dropHeld()) {
            return new Decision(Verdict.DROP, state);
        }
        Instant release =
                overCap ? pacing.firstOutsideQuietHours(pacing.nextDay(now)) : pacing.firstOutsideQuietHours(now);
        return new Decision(Verdict.HOLD, today.holding(alert, release));
    }

    /**
     * What to do with a state at {@code now}: release its digest when due (without the alerts whose articles were
     * retracted meanwhile), clear a count of a past day, forget retractions folded more than {@code memory} ago; empty
     * when nothing changes.
     */
    static Optional<Release> release(
            PacingState state, Pacing pacing, Instant now, Duration memory, Predicate<String> retracted) {
        PacingState next = state.forgetting(now.minus(memory));
        if (next.releaseAt() != null && !now.isBefore(next.releaseAt())) {
            List<Alert> digest = next.pending().stream()
                    .filter(a -> !retracted.test(a.articleId()))
                    .toList();
            return Optional.of(new Release(digest, next.released().on(pacing.day(now))));
        }
        LocalDate today = pacing.day(now);
        if (next.releaseAt() == null && next.day() != null && next.day().isBefore(today)) {
            next = next.on(today);
        }
        return next == state ? Optional.empty() : Optional.of(new Release(List.of(), next));
    }
}
