package io.kabar.notification.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * One host's circuit breaker: opens after {@code failuresToOpen} consecutive failures of the host for {@code openFor},
 * then lets one trial request through, whose answer closes it or opens it again. Not thread-safe: its lane's lock
 * guards it.
 */
final class Circuit {

    private final int failuresToOpen;
    private final Duration openFor;

    private int failures;
    private Instant openUntil;
    private boolean trialRunning;

    Circuit(int failuresToOpen, Duration openFor) {
        this.failuresToOpen = failuresToOpen;
        this.openFor = openFor;
    }

    /**
     * Null when a request may start now (in a half-open circuit it becomes the trial); otherwise the earliest time
     * worth trying again: the end of the open period, or {@code trialTakes} from now while a trial is under way.
     */
    Instant refusedUntil(Instant now, Duration trialTakes) {
        if (openUntil == null) {
            return null;
        }
        if (now.isBefore(openUntil)) {
            return openUntil;
        }
        if (trialRunning) {
            return now.plus(trialTakes);
        }
        trialRunning = true; // half open: this one request finds out whether the host is back
        return null;
    }

    void succeeded() {
        failures = 0;
        openUntil = null;
        trialRunning = false;
    }

    void failed(Instant now) {
        failures++;
        trialRunning = false;
        if (failures >= failuresToOpen || openUntil != null) {
            openUntil = now.plus(openFor);
        }
    }

    /** A request we abandoned proves nothing about the host: an abandoned trial lets the next request try again. */
    void abandoned() {
        trialRunning = false;
    }

    boolean open() {
        return openUntil != null;
    }

    /** When the open period ends; null while closed. */
    Instant openUntil() {
        return openUntil;
    }

    HostLanes.State state(Instant now) {
        if (openUntil == null) {
            return HostLanes.State.CLOSED;
        }
        return now.isBefore(openUntil) ? HostLanes.State.OPEN : HostLanes.State.HALF_OPEN;
    }

    String describe(String host) {
        return "circuit open for " + host + " after " + failures + " failures in a row";
    }
}
