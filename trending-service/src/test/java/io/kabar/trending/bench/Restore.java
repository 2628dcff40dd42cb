package io.kabar.trending.bench;

import io.kabar.trending.ranking.TrendingSettings;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * How long a restart of the counting loops and the ranking topology takes: with the state directory of the previous run
 * (the counting's snapshots, the stores' checkpoints) or with an empty one (the counting replays its partitions' recent
 * views, the ranking stores restore their changelogs).
 */
final class Restore {

    /** Quiet time after the last restore ended before the restart counts as done. */
    private static final long SETTLE_NANOS = 2_000_000_000L;

    private Restore() {}

    static void measure(String label, TrendingSettings settings, Properties props) throws InterruptedException {
        AtomicLong restored = new AtomicLong();
        AtomicInteger inFlight = new AtomicInteger();
        long start = System.nanoTime();
        AtomicLong firstStart = new AtomicLong();
        AtomicLong lastEnd = new AtomicLong(start);
        long readyAt = 0;
        long replayed;
        try (var pipeline = new Pipeline(settings, props)) {
            KafkaStreams streams = pipeline.streams();
            streams.setGlobalStateRestoreListener(new StateRestoreListener() {
                @Override
                public void onRestoreStart(TopicPartition partition, String store, long from, long to) {
                    firstStart.compareAndSet(0, System.nanoTime());
                    inFlight.incrementAndGet();
                }

                @Override
                public void onBatchRestored(TopicPartition partition, String store, long end, long records) {
                    restored.addAndGet(records);
                }

                @Override
                public void onRestoreEnd(TopicPartition partition, String store, long records) {
                    lastEnd.set(System.nanoTime());
                    inFlight.decrementAndGet();
                }
            });
            pipeline.start();
            while (readyAt == 0
                    || inFlight.get() > 0
                    || System.nanoTime() - Math.max(lastEnd.get(), start) < SETTLE_NANOS) {
                if (readyAt == 0 && pipeline.ready()) {
                    readyAt = System.nanoTime();
                }
                Thread.sleep(20);
            }
            replayed = pipeline.counting().replayedRecords();
        }
        long began = firstStart.get() == 0 ? lastEnd.get() : firstStart.get();
        System.out.printf(
                "restart with %s: %,d changelog records restored in %.1f s, %.1f s after start; counting: %,d page views"
                        + " replayed, ready %.1f s after start%n",
                label,
                restored.get(),
                (lastEnd.get() - began) / 1e9,
                (lastEnd.get() - start) / 1e9,
                replayed,
                (readyAt - start) / 1e9);
    }
}
