package io.kabar.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

/**
 * The requests of one receiver host: how many run (at most {@code maxPerHost}), which wait (at most {@code
 * maxQueued}), its {@link Circuit}, and whether it is stuck (see {@link HostLanes#sweep()}).
 */
final class HostLane {

    /** A request waiting for its lane: its result, and how to start it. */
    record Waiting(CompletableFuture<?> result, Runnable start) {}

    /** How a request that ran ended, as far as the host is concerned. */
    enum Result {
        SUCCEEDED,
        FAILED,
        ABANDONED
    }

    private final String host;
    private final int maxPerHost;
    private final int maxQueued;
    private final Circuit circuit;
    private final Timeouts timeouts;
    private final Clock clock;
    private final Queue<Waiting> waiting = new ArrayDeque<>();
    /** Each request in flight with when it was sent. */
    private final Map<CompletableFuture<?>, Instant> inFlight = new HashMap<>();

    private Instant lastProgress;
    private int running;

    HostLane(String host, int maxPerHost, int maxQueued, Circuit circuit, Timeouts timeouts, Clock clock) {
        this.host = host;
        this.maxPerHost = maxPerHost;
        this.maxQueued = maxQueued;
        this.circuit = circuit;
        this.timeouts = timeouts;
        this.clock = clock;
    }

    void offer(Waiting request) {
        HostLanes.HostUnavailable refusal = null;
        synchronized (this) {
            Instant now = clock.instant();
            Instant refusedUntil = circuit.refusedUntil(now, timeouts.request());
            if (refusedUntil != null) {
                refusal = new HostLanes.CircuitOpen(circuit.describe(host), refusedUntil);
            } else if (circuit.open() || running < maxPerHost) {
                starting(request, now); // a half-open circuit's trial, or room in the lane
            } else if (waiting.size() < maxQueued) {
                waiting.add(request);
                return;
            } else {
                refusal = new HostLanes.HostUnavailable("queue for " + host + " full (" + maxQueued + " waiting)");
            }
        }
        if (refusal != null) {
            request.result().completeExceptionally(refusal);
        } else {
            request.start().run();
        }
    }

    /** Under the lock: one more request runs; an idle lane's stall time starts with it. */
    private void starting(Waiting request, Instant now) {
        if (running == 0) {
            lastProgress = now;
        }
        running++;
        inFlight.put(request.result(), now);
    }

    void finished(Result result, CompletableFuture<?> request) {
        List<Waiting> refused = List.of();
        Waiting next = null;
        HostLanes.CircuitOpen open = null;
        synchronized (this) {
            running--;
            Instant sent = inFlight.remove(request);
            Instant now = clock.instant();
            if (result != Result.ABANDONED) {
                lastProgress = now;
            }
            switch (result) {
                case SUCCEEDED -> {
                    if (sent != null) {
                        timeouts.roundTrips().answered(sent, now);
                    }
                    circuit.succeeded();
                }
                case FAILED -> circuit.failed(now);
                case ABANDONED -> circuit.abandoned();
            }
            if (circuit.open()) {
                // An open circuit refuses what waits at once instead of keeping it until the host is back.
                refused = new ArrayList<>(waiting);
                waiting.clear();
                open = new HostLanes.CircuitOpen(circuit.describe(host), circuit.openUntil());
            } else {
                next = waiting.poll();
                if (next != null) {
                    starting(next, now);
                }
            }
        }
        for (Waiting w : refused) {
            w.result().completeExceptionally(open);
        }
        if (next != null) {
            next.start().run();
        }
    }

    /**
     * A full lane that has had no answer for the stall time, although some other host answered a request sent
     * after this one last answered: time out what runs, refuse what waits.
     */
    void stallIfStuck(Instant now, Instant newestAnsweredSent, Duration silence) {
        List<Waiting> refused;
        List<CompletableFuture<?>> cut;
        String message;
        synchronized (this) {
            if (waiting.isEmpty()
                    || lastProgress == null
                    || now.isBefore(lastProgress.plus(silence))
                    || !newestAnsweredSent.isAfter(lastProgress)) {
                return;
            }
            message = "timed out: " + host + " answered nothing for " + silence.toMillis() + " ms with " + running
                    + " requests in flight and " + waiting.size() + " waiting";
            refused = new ArrayList<>(waiting);
            waiting.clear();
            cut = new ArrayList<>(inFlight.keySet());
        }
        HostLanes.HostUnavailable stalled = new HostLanes.HostUnavailable(message);
        refused.forEach(w -> w.result().completeExceptionally(stalled));
        // Each completes its running request's failure, which counts against the host and may open its circuit.
        cut.forEach(r -> r.completeExceptionally(stalled));
    }

    synchronized int waiting() {
        return waiting.size();
    }

    synchronized HostLanes.State state() {
        return circuit.state(clock.instant());
    }
}
