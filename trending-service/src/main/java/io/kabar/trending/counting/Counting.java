package io.kabar.trending.counting;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The counting stage of trending: {@link CountingOptions#threads()} loops, each a consumer of {@code news.page-views}
 * and a transactional producer of {@code news.trending-counts} (see the README's Topology), started and stopped
 * together.
 */
public final class Counting implements AutoCloseable {

    private final List<CountingLoop> loops = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong replayed = new AtomicLong();

    public Counting(CountingOptions options) {
        for (int i = 0; i < options.threads(); i++) {
            CountingLoop loop = new CountingLoop(options, i, replayed);
            loops.add(loop);
            threads.add(Thread.ofPlatform().name("trending-counting-" + i).unstarted(loop));
        }
    }

    public void start() {
        threads.stream().filter(thread -> thread.getState() == Thread.State.NEW).forEach(Thread::start);
    }

    /** Whether every loop runs and has rebuilt the state of every partition assigned to it. */
    public boolean ready() {
        return loops.stream().allMatch(loop -> loop.running() && loop.ready());
    }

    /** Whether every loop is still running (a stopped one counts nothing). */
    public boolean running() {
        return threads.stream().allMatch(Thread::isAlive);
    }

    /** How many page-view records rebuilds have replayed since this instance started. */
    public long replayedRecords() {
        return replayed.get();
    }

    /** Stops the loops; each hands on what it counted and keeps a snapshot of its partitions in the state directory. */
    @Override
    public void close() throws InterruptedException {
        loops.forEach(CountingLoop::close);
        for (Thread thread : threads) {
            if (thread.getState() != Thread.State.NEW) {
                thread.join();
            }
        }
    }
}
