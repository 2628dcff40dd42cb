package io.kabar.related.bench;

import io.kabar.related.ranking.RankingSettings;
import io.kabar.related.ranking.RelatedFinder;
import io.kabar.related.ranking.Story;
import io.kabar.related.ranking.StoryIndex;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Measures the ranking core on synthetic Indonesian-like news: indexing throughput (one {@code upsert} per article,
 * as the mirror does) and the time to compute one list ({@code relatedTo}, 20 links as the service stores) and to
 * plan one change ({@code listsToRefresh}, 20 neighbours). Arguments: corpus sizes, default {@code 10000 100000}.
 */
public final class RankingBenchmark {

    private static final int SAMPLES = 2_000;
    private static final int WARM_UP = 300;
    // CPU time next to wall time: on a machine shared with other work, wall time also counts waiting for a core.
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private RankingBenchmark() {}

    public static void main(String[] args) throws IOException {
        int[] sizes = args.length == 0
                ? new int[] {10_000, 100_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.printf(
                "cores %d, max heap %d MiB, %s, load average %.1f%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (int size : sizes) {
            run(size);
        }
    }

    private static void run(int size) throws IOException {
        SyntheticCorpus corpus = new SyntheticCorpus(new Random(42));
        try (StoryIndex index = new StoryIndex()) {
            long start = System.nanoTime();
            long startCpu = processCpuNanos();
            for (int i = 0; i < size; i++) {
                index.upsert(corpus.story(i));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            // The whole process's CPU time, so that segment merges on Lucene's merge threads count too.
            double cpuSeconds = (processCpuNanos() - startCpu) / 1e9;
            System.out.printf(
                    "%,d articles: indexed in %.1f s = %,.0f articles/s; CPU %.1f s = %,.0f articles per CPU second%n",
                    size, seconds, size / seconds, cpuSeconds, size / cpuSeconds);

            RelatedFinder finder = new RelatedFinder(
                    index, RankingSettings.DEFAULTS, Clock.fixed(SyntheticCorpus.NOW, ZoneOffset.UTC));
            Random pick = new Random(7);
            report("relatedTo(story, 20)", pick, size, index, s -> finder.relatedTo(s, RankingSettings.MAX_LIMIT));
            report("listsToRefresh(story, 20)", pick, size, index, s -> finder.listsToRefresh(s, 20));
            System.out.printf(
                    "  load average after: %.1f%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static void report(String name, Random pick, int size, StoryIndex index, Consumer<Story> operation) {
        for (int i = 0; i < WARM_UP; i++) {
            operation.accept(index.find(SyntheticCorpus.id(pick.nextInt(size))).orElseThrow());
        }
        long[] nanos = new long[SAMPLES];
        long[] cpu = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            Story story = index.find(SyntheticCorpus.id(pick.nextInt(size))).orElseThrow();
            long start = System.nanoTime();
            long startCpu = THREADS.getCurrentThreadCpuTime();
            operation.accept(story);
            cpu[i] = THREADS.getCurrentThreadCpuTime() - startCpu;
            nanos[i] = System.nanoTime() - start;
        }
        System.out.printf(
                "  %-26s wall %s; CPU %s (%d samples)%n", name, percentiles(nanos), percentiles(cpu), SAMPLES);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String percentiles(long[] nanos) {
        Arrays.sort(nanos);
        return String.format(
                "p50 %6.2f ms, p99 %6.2f ms, max %6.2f ms",
                nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 99 / 100] / 1e6, nanos[nanos.length - 1] / 1e6);
    }
}
