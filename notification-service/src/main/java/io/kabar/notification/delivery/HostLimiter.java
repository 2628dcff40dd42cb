package io.kabar.notification.delivery;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Bounds the requests in flight to each host without blocking a thread: a request over the bound waits in its
 * host's queue and starts when an earlier one to that host completes. One slow host so holds up only itself.
 */
final class HostLimiter {

    private final int maxPerHost;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    HostLimiter(int maxPerHost) {
        this.maxPerHost = maxPerHost;
    }

    <T> CompletableFuture<T> submit(String host, Supplier<CompletableFuture<T>> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Lane lane = lanes.computeIfAbsent(host, h -> new Lane());
        lane.enqueue(() -> started(task).whenComplete((value, failure) -> {
            lane.release();
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(value);
            }
        }));
        return result;
    }

    private static <T> CompletableFuture<T> started(Supplier<CompletableFuture<T>> task) {
        try {
            return task.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The requests of one host: how many run and which wait. */
    private final class Lane {
        private final Queue<Runnable> waiting = new ArrayDeque<>();
        private int running;

        void enqueue(Runnable start) {
            synchronized (this) {
                if (running >= maxPerHost) {
                    waiting.add(start);
                    return;
                }
                running++;
            }
            start.run();
        }

        void release() {
            Runnable next;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    running--;
                    return;
                }
            }
            next.run();
        }
    }
}
