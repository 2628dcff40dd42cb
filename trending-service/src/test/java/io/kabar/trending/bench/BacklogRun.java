package io.kabar.trending.bench;

import io.kabar.schemas.TrendingRanking;
import io.kabar.schemas.topics.Topics;
import io.kabar.trending.ranking.RankingKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;

/**
 * One pass of the pipeline over the backlog: the counting stage's rate (until its committed offsets reach the end of
 * the backlog) and the end-to-end rate (until the overall 1h ranking published is exact), with the CPU time of the
 * whole JVM per view.
 */
final class BacklogRun {

    private static final Duration PATIENCE = Duration.ofMinutes(20);

    /** Views per second of the counting stage and end to end, and nanoseconds of CPU per view (end to end). */
    record Result(double counting, double endToEnd, double cpuPerView) {}

    private BacklogRun() {}

    static Result measure(
            String label,
            Pipeline pipeline,
            String bootstrap,
            int views,
            List<Long> top,
            KafkaConsumer<String, TrendingRanking> rankings)
            throws Exception {
        String overall = RankingKey.overall("1h").asString();
        try (var admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            long start = System.nanoTime();
            // The ranking topology first, then the counting, clocked from when it owns its partitions (as the raw
            // consumer is from its assignment), so that the Streams start-up does not hide in the counting's figure.
            pipeline.streams().start();
            while (pipeline.streams().state() != KafkaStreams.State.RUNNING) {
                Thread.sleep(5);
            }
            pipeline.counting().start();
            while (!pipeline.ready()) {
                Thread.sleep(1);
            }
            long running = System.nanoTime();
            long cpu = TrendingBenchmark.processCpuNanos();
            long counted = 0;
            List<Long> shown = List.of();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!shown.equals(top) || counted == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "no exact ranking after %s: shown %s, expected %s".formatted(PATIENCE, shown, top));
                }
                if (counted == 0 && committed(admin, pipeline.countingGroup()) >= views) {
                    counted = System.nanoTime();
                }
                for (var record : rankings.poll(Duration.ofMillis(20))) {
                    if (overall.equals(record.key())) {
                        shown = record.value().getArticles().stream()
                                .map(a -> a.getViews())
                                .toList();
                    }
                }
            }
            long done = System.nanoTime();
            double cpuPerView = (TrendingBenchmark.processCpuNanos() - cpu) / (double) views;
            Result result =
                    new Result(views / ((counted - running) / 1e9), views / ((done - running) / 1e9), cpuPerView);
            System.out.printf(
                    "pipeline, %s: counting stage %,.0f views/s (%.2f s), end to end %,.0f views/s (%.2f s, after %.1f s"
                            + " of start-up); CPU of the whole JVM: %.1f us per view%n",
                    label,
                    result.counting(),
                    (counted - running) / 1e9,
                    result.endToEnd(),
                    (done - running) / 1e9,
                    (running - start) / 1e9,
                    cpuPerView / 1e3);
            return result;
        }
    }

    private static long committed(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get();
        return offsets.entrySet().stream()
                .filter(e -> e.getKey().topic().equals(Topics.PAGE_VIEWS.name()))
                .mapToLong(e -> e.getValue().offset())
                .sum();
    }
}
