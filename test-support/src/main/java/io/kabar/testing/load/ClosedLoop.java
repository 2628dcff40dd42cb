package io.kabar.testing.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A closed-loop load: a fixed number of callers each doing one operation at a time until a fixed number of
 * operations is done, timing every operation.
 */
public final class ClosedLoop {

    /** One operation, given its number; may throw to fail the run. */
    @FunctionalInterface
    public interface Operation {
        void run(int number) throws Exception;
    }

    /** A per-caller context, such as a producer a caller keeps for all its operations. */
    @FunctionalInterface
    public interface Caller {
        Operation open() throws Exception;
    }

    private ClosedLoop() {}

    public static Measurement run(String name, int operations, int callers, Operation operation) throws Exception {
        return run(name, operations, callers, () -> operation);
    }

    public static Measurement run(String name, int operations, int callers, Caller caller) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[operations];
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<?>> workers = new ArrayList<>();
            long start = System.nanoTime();
            for (int c = 0; c < callers; c++) {
                workers.add(pool.submit(() -> {
                    Operation operation = caller.open();
                    for (int i = next.getAndIncrement(); i < operations; i = next.getAndIncrement()) {
                        long begin = System.nanoTime();
                        operation.run(i);
                        latencies[i] = System.nanoTime() - begin;
                    }
                    if (operation instanceof AutoCloseable closeable) {
                        closeable.close();
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            return Measurement.latencies(name, latencies, System.nanoTime() - start);
        } finally {
            pool.shutdown();
        }
    }
}
