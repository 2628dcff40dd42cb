package io.kabar.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One lane per receiver host: at most {@code maxPerHost} requests in flight, at most {@code maxQueued} waiting, and a
 * {@link Circuit} breaker. A request the lane cannot take fails at once with {@link HostUnavailable} ({@link
 * CircuitOpen} when its circuit is open, saying until when), so that a bad host costs the others nothing: its
 * deliveries go to the retry path instead of waiting. A host whose lane is full and that has answered nothing for
 * {@code stallAfter} (and for {@value RoundTrips#SLOWER_THAN_TYPICAL} typical round trips, whichever is longer) while
 * another host answered a request sent after this one last answered is stalled ({@link #sweep()}): its requests in
 * flight time out at once (failures of the host) and those waiting are refused, so that the batches holding them need
 * not wait for a host that makes no progress. The comparison with other hosts is what tells a stuck host from a
 * starved process (a collection pause, CPU taken by others), in which every host looks silent and every round trip
 * grows; a sweep that itself ran late judges nobody for the same reason. No thread is ever blocked. There is a lane
 * per host called so far (a few hundred bytes each): it grows with the number of distinct receiver hosts, not with
 * requests.
 */
final class HostLanes {

    /** The host's lane refused the request without calling the host. */
    static sealed class HostUnavailable extends RuntimeException permits CircuitOpen {
        HostUnavailable(String message) {
            super(message, null, false, false);
        }
    }

    /** Refused by an open circuit: the request was not sent, and the host is worth trying again at {@code until}. */
    static final class CircuitOpen extends HostUnavailable {
        private final Instant until;

        CircuitOpen(String message, Instant until) {
            super(message);
            this.until = until;
        }

        Instant until() {
            return until;
        }
    }

    /** Circuit states, as the metrics show them. */
    enum State {
        CLOSED,
        OPEN,
        HALF_OPEN
    }

    private final int maxPerHost;
    private final int maxQueued;
    private final int failuresToOpen;
    private final Duration openFor;
    private final Duration stallAfter;
    private final Timeouts timeouts;
    private final Clock clock;
    private final Map<String, HostLane> lanes = new ConcurrentHashMap<>();

    private Instant lastSweep;

    HostLanes(
            int maxPerHost,
            int maxQueued,
            int failuresToOpen,
            Duration openFor,
            Duration stallAfter,
            Timeouts timeouts,
            Clock clock) {
        this.maxPerHost = maxPerHost;
        this.maxQueued = maxQueued;
        this.failuresToOpen = failuresToOpen;
        this.openFor = openFor;
        this.stallAfter = stallAfter;
        this.timeouts = timeouts;
        this.clock = clock;
    }

    /**
     * Runs the task in the host's lane. Cancelling the returned future abandons the request: a waiting one never
     * starts, a running one has its own future cancelled. Neither counts against the host: only the host's own failures
     * (no connection, timed out, an error answer the task fails with) open its circuit.
     */
    <T> CompletableFuture<T> submit(String host, Supplier<CompletableFuture<T>> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        HostLane lane = lanes.computeIfAbsent(
                host,
                h -> new HostLane(h, maxPerHost, maxQueued, new Circuit(failuresToOpen, openFor), timeouts, clock));
        lane.offer(new HostLane.Waiting(result, () -> {
            if (result.isDone()) {
                lane.finished(HostLane.Result.ABANDONED, result);
                return;
            }
            CompletableFuture<T> running = started(task);
            // Cancelled by its batch, or timed out by a stall: stop waiting for the host.
            result.whenComplete((value, failure) -> running.cancel(true));
            running.whenComplete((value, failure) -> {
                // Cancelled by us (a batch's deadline) says nothing about the host; a stall does.
                lane.finished(
                        failure == null
                                ? HostLane.Result.SUCCEEDED
                                : result.isCancelled() ? HostLane.Result.ABANDONED : HostLane.Result.FAILED,
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
            RoundTrips roundTrips = timeouts.roundTrips();
            Instant answered = roundTrips.newestAnsweredSent();
            Duration silence = roundTrips.atLeastSlow(stallAfter);
            lanes.values().forEach(lane -> lane.stallIfStuck(now, answered, silence));
        }
    }

    /** Requests waiting in every lane. */
    int queued() {
        return lanes.values().stream().mapToInt(HostLane::waiting).sum();
    }

    /** The longest queue of any one host. */
    int longestQueue() {
        return lanes.values().stream().mapToInt(HostLane::waiting).max().orElse(0);
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
}
