package io.kabar.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One lane per receiver host: at most {@code maxPerHost} requests in flight, at most {@code maxQueued} waiting, and a
 * circuit breaker that stops calling a host after {@code failuresToOpen} consecutive failures (no connection, timed
 * out; not requests we abandon) for {@code openFor}, then lets one trial request through. A request the lane
 * cannot take fails at once with {@link HostUnavailable}, so that a bad host costs the others nothing: its deliveries
 * go to the retry path instead of waiting. No thread is ever blocked. There is a lane per host called so far (a few
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
    private final Clock clock;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    HostLanes(int maxPerHost, int maxQueued, int failuresToOpen, Duration openFor, Clock clock) {
        this.maxPerHost = maxPerHost;
        this.maxQueued = maxQueued;
        this.failuresToOpen = failuresToOpen;
        this.openFor = openFor;
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
                lane.finished(Result.ABANDONED);
                return;
            }
            CompletableFuture<T> running = started(task);
            result.whenComplete((value, failure) -> {
                if (result.isCancelled()) {
                    running.cancel(true);
                }
            });
            running.whenComplete((value, failure) -> {
                // Cancelled by us (a batch's deadline) says nothing about the host.
                lane.finished(
                        failure == null ? Result.SUCCEEDED : result.isCancelled() ? Result.ABANDONED : Result.FAILED);
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    result.complete(value);
                }
            });
        }));
        return result;
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
                    running++;
                } else if (running < maxPerHost) {
                    running++;
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

        void finished(Result result) {
            List<Waiting> refused = List.of();
            Waiting next = null;
            String message = null;
            synchronized (this) {
                running--;
                if (result == Result.SUCCEEDED) {
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
                        running++;
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
