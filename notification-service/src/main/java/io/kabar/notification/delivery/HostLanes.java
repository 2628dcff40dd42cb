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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One lane per receiver host: at most {@code maxPerHost} requests in flight, at most {@code maxQueued} waiting, and a
 * circuit breaker that stops calling a host after {@code failuresToOpen} consecutive failures (no connection, timed
 * out; not requests we abandon) for {@code openFor}, then lets one trial request through. A request the lane
 * cannot take fails at once with {@link HostUnavailable}, so that a bad host costs the others nothing: its deliveries
 * go to the retry path instead of waiting. A host whose lane is full and that has answered nothing for {@code
 * stallAfter} (and for {@value #SLOWER_THAN_TYPICAL} times the typical round trip of the answers lately, whichever is
 * longer) while another host answered a request sent after this one last answered is stalled ({@link #sweep()}): its
 * requests in flight time out at once (failures of the host) and those waiting are refused, so that the batches
 * holding them need not wait for a host that makes no progress. The comparison with other hosts is what tells a stuck
 * host from a starved process (a collection pause, CPU taken by others), in which every host looks silent and every
 * round trip grows; a sweep that itself ran late judges nobody for the same reason. No thread is ever blocked. There is a lane per host called so far (a few
 * hundred bytes each): it grows with the number of distinct receiver hosts, not with requests.
 */
final class HostLanes {

    /** The host's lane refused the request without calling the host. */
    static final class HostUnavailable extends RuntimeException {
        HostUnavailable(String message) {
            super(message, null, false, false);
        }
    }

    /** Circuit states, as the metrics show them. */
    enum State {
        CLOSED,
        OPEN,
        HALF_OPEN
    }

    private enum Result {
        SUCCEEDED,
        FAILED,
        ABANDONED
    }

    private final int maxPerHost;
    private final int maxQueued;
    private final int failuresToOpen;
    private final Duration openFor;
    private final Duration stallAfter;
    private final Clock clock;
    /** How many typical round trips a full lane may stay silent before it counts as stalled. */
    static final int SLOWER_THAN_TYPICAL = 4;

    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    /** Moving average (weight 1/8) of sent-to-answered times in microseconds, every host: what "slow" means now. */
    private final AtomicLong typicalRoundTripMicros = new AtomicLong();
    /** When the most recently sent request that any host has answered was sent: proof the process itself runs. */
    private final AtomicReference<Instant> newestAnsweredSent = new AtomicReference<>(Instant.MIN);

    private Instant lastSweep;

    HostLanes(int maxPerHost, int maxQueued, int failuresToOpen, Duration openFor, Duration stallAfter, Clock clock) {
        this.maxPerHost = maxPerHost;
        this.maxQueued = maxQueued;
        this.failuresToOpen = failuresToOpen;
        this.openFor = openFor;
        this.stallAfter = stallAfter;
        this.clock = clock;
    }

    /**
     * Runs the task in the host's lane. Cancelling the returned future abandons the request: a waiting one never
     * starts, a running one has its own future cancelled. Neither counts against the host: only the host's own failures
     * (no connection, timed out, an error answer the task fails with) open its circuit.
     */
    <T> CompletableFuture<T> submit(String host, Supplier<CompletableFuture<T>> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Lane lane = lanes.computeIfAbsent(host, Lane::new);
        lane.offer(new Waiting(result, () -> {
            if (result.isDone()) {
                lane.finished(Result.ABANDONED, result);
                return;
            }
            CompletableFuture<T> running = started(task);
            // Cancelled by its batch, or timed out by a stall: stop waiting for the host.
            result.whenComplete((value, failure) -> running.cancel(true));
            running.whenComplete((value, failure) -> {
                // Cancelled by us (a batch's deadline) says nothing about the host; a stall does.
                lane.finished(
                        failure == null ? Result.SUCCEEDED : result.isCancelled() ? Result.ABANDONED : Result.FAILED,
                        result);
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    result.complete(value);
                }
            });
        }));
        return result;
    }

    /**
     * Stalls every host whose lane is full and that has answered nothing for the stall time while others answered
     * younger requests; run every so often (a tenth of the stall time). A sweep later than half the stall time after
     * the previous one says the process was not running: it judges nobody.
     */
    void sweep() {
        Instant now = clock.instant();
        boolean onTime;
        synchronized (this) {
            onTime = lastSweep == null || now.isBefore(lastSweep.plus(stallAfter.dividedBy(2)));
            lastSweep = now;
        }
        if (onTime) {
            Instant answered = newestAnsweredSent.get();
            Duration slow = typicalRoundTrip().multipliedBy(SLOWER_THAN_TYPICAL);
            Duration silence = slow.compareTo(stallAfter) > 0 ? slow : stallAfter;
            lanes.values().forEach(lane -> lane.stallIfStuck(now, answered, silence));
        }
    }

    /** The moving average of the time from sending a request to its answer, over every host. */
    Duration typicalRoundTrip() {
        return Duration.ofNanos(typicalRoundTripMicros.get() * 1000);
    }

    private void answered(Instant sent, Instant at) {
        newestAnsweredSent.accumulateAndGet(sent, (a, b) -> a.isAfter(b) ? a : b);
        long micros = Duration.between(sent, at).toNanos() / 1000;
        typicalRoundTripMicros.accumulateAndGet(
                micros, (average, sample) -> average == 0 ? sample : average + (sample - average) / 8);
    }

    /** Requests waiting in every lane. */
    int queued() {
        return lanes.values().stream().mapToInt(Lane::waiting).sum();
    }

    /** The longest queue of any one host. */
    int longestQueue() {
        return lanes.values().stream().mapToInt(Lane::waiting).max().orElse(0);
    }

    /** How many hosts' circuits are in that state. */
    long hostsIn(State state) {
        return lanes.values().stream().filter(l -> l.state() == state).count();
    }

    private static <T> CompletableFuture<T> started(Supplier<CompletableFuture<T>> task) {
        try {
            return task.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private record Waiting(CompletableFuture<?> result, Runnable start) {}

    /** The requests of one host: how many run, which wait, and its circuit. */
    private final class Lane {
        private final String host;
        private final Queue<Waiting> waiting = new ArrayDeque<>();
        /** Each request in flight with when it was sent. */
        private final Map<CompletableFuture<?>, Instant> inFlight = new HashMap<>();

        private Instant lastProgress;
        private int running;
        private int failures;
        private Instant openUntil;
        private boolean trialRunning;

        Lane(String host) {
            this.host = host;
        }

        void offer(Waiting request) {
            String refusal = null;
            synchronized (this) {
                if (openUntil != null && (clock.instant().isBefore(openUntil) || trialRunning)) {
                    refusal = openMessage();
                } else if (openUntil != null) {
                    trialRunning = true; // half open: this one request finds out whether the host is back
                    starting(request);
                } else if (running < maxPerHost) {
                    starting(request);
                } else if (waiting.size() < maxQueued) {
                    waiting.add(request);
                    return;
                } else {
                    refusal = "queue for " + host + " full (" + maxQueued + " waiting)";
                }
            }
            if (refusal != null) {
                request.result().completeExceptionally(new HostUnavailable(refusal));
            } else {
                request.start().run();
            }
        }

        /** Under the lock: one more request runs; an idle lane's stall time starts with it. */
        private void starting(Waiting request) {
            Instant now = clock.instant();
            if (running == 0) {
                lastProgress = now;
            }
            running++;
            inFlight.put(request.result(), now);
        }

        void finished(Result result, CompletableFuture<?> request) {
            List<Waiting> refused = List.of();
            Waiting next = null;
            String message = null;
            synchronized (this) {
                running--;
                Instant sent = inFlight.remove(request);
                Instant now = clock.instant();
                if (result != Result.ABANDONED) {
                    lastProgress = now;
                }
                if (result == Result.SUCCEEDED) {
                    if (sent != null) {
                        answered(sent, now);
                    }
                    failures = 0;
                    openUntil = null;
                    trialRunning = false;
                } else if (result == Result.FAILED) {
                    failures++;
                    trialRunning = false;
                    if (failures >= failuresToOpen || openUntil != null) {
                        openUntil = clock.instant().plus(openFor);
                    }
                } else if (openUntil != null) {
                    trialRunning = false; // an abandoned trial proved nothing: the next request tries again
                }
                if (openUntil != null) {
                    // An open circuit fails what waits at once instead of keeping it until the host is back.
                    refused = new ArrayList<>(waiting);
                    waiting.clear();
                    message = openMessage();
                } else {
                    next = waiting.poll();
                    if (next != null) {
                        starting(next);
                    }
                }
            }
            for (Waiting w : refused) {
                w.result().completeExceptionally(new HostUnavailable(message));
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
            HostUnavailable stalled = new HostUnavailable(message);
            refused.forEach(w -> w.result().completeExceptionally(stalled));
            // Each completes its running request's failure, which counts against the host and may open its circuit.
            cut.forEach(r -> r.completeExceptionally(stalled));
        }

        private String openMessage() {
            return "circuit open for " + host + " after " + failures + " failures in a row";
        }

        synchronized int waiting() {
            return waiting.size();
        }

        synchronized State state() {
            if (openUntil == null) {
                return State.CLOSED;
            }
            return clock.instant().isBefore(openUntil) ? State.OPEN : State.HALF_OPEN;
        }
    }
}
