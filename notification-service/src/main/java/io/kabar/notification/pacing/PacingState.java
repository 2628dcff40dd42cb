package io.kabar.notification.pacing;

import io.kabar.notification.alerts.Alert;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One subscription's pacing state: the alerts counted against its cap on one local day (a set of alert ids, so that
 * a redelivered alert never counts twice) and the alerts held back for its next digest, due at {@code releaseAt}.
 *
 * @param day       the local day {@code counted} refers to; null when nothing is counted
 * @param releaseAt null when nothing is held
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

    boolean holds(String alertId) {
        return held.stream().anyMatch(a -> a.alertId().equals(alertId));
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
     * reads), a retraction takes it out of the digest, which is then due no more if nothing else is held.
     */
    PacingState following(Alert followUp) {
        List<Alert> next = new ArrayList<>();
        for (Alert a : held) {
            if (!a.alertId().equals(followUp.alertId())) {
                next.add(a);
            } else if (followUp.type() == Alert.Type.UPDATED) {
                next.add(a.correctedBy(followUp));
            }
        }
        return new PacingState(subscriptionId, day, counted, next, next.isEmpty() ? null : releaseAt);
    }

    PacingState released() {
        return new PacingState(subscriptionId, day, counted, List.of(), null);
    }
}
