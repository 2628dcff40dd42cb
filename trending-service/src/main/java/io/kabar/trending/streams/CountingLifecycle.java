package io.kabar.trending.streams;

import io.kabar.trending.counting.Counting;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the counting loops with the context's lifecycle, as the Streams factory bean starts the topology: after every
 * singleton is ready, so after the platform has created the registry's topics (a consumer subscribing earlier would
 * see no partitions, or too few), and stops them before the state directory is deleted.
 */
final class CountingLifecycle implements SmartLifecycle {

    private final Counting counting;
    private volatile boolean running;

    CountingLifecycle(Counting counting) {
        this.counting = counting;
    }

    @Override
    public void start() {
        counting.start();
        running = true;
    }

    @Override
    public void stop() {
        try {
            counting.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running = false;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
