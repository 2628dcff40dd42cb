package io.kabar.notification.pacing;

import io.kabar.notification.alerts.Alert;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One subscription's pacing state: the alerts counted against its cap on one local day (a set of alert ids, so that
 * a redelivered alert never counts twice) and the alerts held back for its next digest, due at {@code releaseAt}.
 * A held alert retracted meanwhile stays in {@code held} as its retraction, stamped with when it was folded (see
 * {@link #following}), so that a redelivered retraction is recognised; it is never sent.
 *
 * @param day       the local day {@code counted} refers to; null when nothing is counted
 * @param releaseAt null when nothing is pending
 */
record PacingState(String subscriptionId, LocalDate day, List<String> counted, List<Alert> held, Instant releaseAt) {

    /** At most this many alerts wait in one digest; beyond it the oldest make way for the newest. */
    static final int MAX_HELD = 100;

    PacingState {
        counted = List.copyOf(counted);
        held = List.copyOf(held);
    }

    static PacingState empty(String subscriptionId) {
        return new PacingState(subscriptionId, null, List.of(), List.of(), null);
    }

    /** Nothing counted and nothing held: the record can be deleted. */
    boolean isEmpty() {
        return counted.isEmpty() && held.isEmpty();
    }

    /** Whether the alert is held for the digest, or was and has been withdrawn from it. */
    boolean holds(String alertId) {
        return held.stream().anyMatch(a -> a.alertId().equals(alertId));
    }

    /** The held alerts that go into the digest: all but the withdrawn ones. */
    List<Alert> pending() {
        return held.stream().filter(a -> a.type() != Alert.Type.RETRACTED).toList();
    }

    /** The state on {@code today}: what an earlier day counted no longer counts. */
    PacingState on(LocalDate today) {
        return today.equals(day) ? this : new PacingState(subscriptionId, today, List.of(), held, releaseAt);
    }

    PacingState counting(String alertId) {
        List<String> next = new ArrayList<>(counted);
        next.add(alertId);
        return new PacingState(subscriptionId, day, next, held, releaseAt);
    }

    PacingState holding(Alert alert, Instant release) {
        List<Alert> next = new ArrayList<>(held);
        next.add(alert);
        while (next.size() > MAX_HELD) {
            next.removeFirst();
        }
        Instant due = releaseAt == null || release.isAfter(releaseAt) ? release : releaseAt;
        return new PacingState(subscriptionId, day, counted, next, due);
    }

    /**
     * The state after a follow-up of a held alert: an update rewrites the held alert (the digest shows it as it now
     * reads); a retraction withdraws it from the digest, which is then due no more if nothing else is pending, and
     * leaves its retraction in its place, stamped {@code now}, until {@link #forgetting} drops it. The same state
     * when nothing changes (a redelivered retraction, or anything after one: a retraction is final).
     */
    PacingState following(Alert followUp, Instant now) {
        List<Alert> next = new ArrayList<>();
        for (Alert a : held) {
            if (!a.alertId().equals(followUp.alertId()) || a.type() == Alert.Type.RETRACTED) {
                next.add(a);
            } else if (followUp.type() == Alert.Type.UPDATED) {
                next.add(a.correctedBy(followUp));
            } else {
                next.add(a.retracted(followUp.articleRevision(), now));
            }
        }
        boolean pending = next.stream().anyMatch(a -> a.type() != Alert.Type.RETRACTED);
        PacingState after = new PacingState(subscriptionId, day, counted, next, pending ? releaseAt : null);
        return after.equals(this) ? this : after;
    }

    /** After the digest went out: nothing pending; the withdrawn alerts stay until {@link #forgetting} drops them. */
    PacingState released() {
        List<Alert> withdrawn =
                held.stream().filter(a -> a.type() == Alert.Type.RETRACTED).toList();
        return new PacingState(subscriptionId, day, counted, withdrawn, null);
    }

    /** Without the withdrawn alerts folded before {@code horizon}; the same state when there are none. */
    PacingState forgetting(Instant horizon) {
        List<Alert> kept = held.stream()
                .filter(a -> a.type() != Alert.Type.RETRACTED
                        || (a.changedAt() != null && !a.changedAt().isBefore(horizon)))
                .toList();
        return kept.size() == held.size() ? this : new PacingState(subscriptionId, day, counted, kept, releaseAt);
    }
}
