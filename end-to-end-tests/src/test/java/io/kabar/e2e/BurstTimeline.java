package io.kabar.e2e;

import io.kabar.schemas.topics.Topics;
import io.kabar.testing.TestBroker;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Where a burst's lists waited, stage by stage: from the timestamps of the records each article's change left on
 * the topics (article event, own-list request, list) and from related-links-service's stage timers (planner picked
 * the event up, waited for the index, planned; a compute consumer started on a request), taken as the difference of
 * their histograms before and after the burst.
 */
final class BurstTimeline {

    private final String brokers;
    private final int managementPort;
    private final Map<TopicPartition, Long> articlesFrom;
    private final Map<TopicPartition, Long> ownRequestsFrom;
    private final StageHistograms before;

    private BurstTimeline(String brokers, int managementPort, Admin admin) throws Exception {
        this.brokers = brokers;
        this.managementPort = managementPort;
        this.articlesFrom = RelatedBurstBenchmark.ends(admin, Topics.ARTICLES.name());
        this.ownRequestsFrom = RelatedBurstBenchmark.ends(admin, Topics.RELATED_LINKS_OWN_REQUESTS.name());
        this.before = StageHistograms.scrape(managementPort);
    }

    /** Notes where the topics end and what the timers counted so far: the burst is what comes after. */
    static BurstTimeline start(String brokers, int managementPort, Admin admin) throws Exception {
        return new BurstTimeline(brokers, managementPort, admin);
    }

    /** Prints p50 / p99 / max (or bucket bounds, for timers) per stage, once every list of the burst is written. */
    void print(Map<String, Long> answeredAt, Map<String, Long> listWritten) throws Exception {
        StageHistograms after = StageHistograms.scrape(managementPort);
        Map<String, Long> eventWritten = firstTimestamps(Topics.ARTICLES.name(), articlesFrom);
        Map<String, Long> ownRequested = firstTimestamps(Topics.RELATED_LINKS_OWN_REQUESTS.name(), ownRequestsFrom);
        System.out.println(
                "stage timeline of the burst's articles (ms; records: p50 / p99 / max; timers: bucket bounds)");
        records("article event written -> 201 answered", answeredAt, id -> eventWritten.get(id), answeredAt::get);
        timer(after, "article event written -> planner starts on it", "kabar_related_plan_delay");
        timer(after, "planner waits for the local index to hold it", "kabar_related_plan_index_wait");
        timer(after, "planner's work (neighbours, requests, acks)", "kabar_related_plan_duration");
        records("article event written -> own-list request written", answeredAt, eventWritten::get, ownRequested::get);
        timer(after, "own-list request written -> compute starts", "kabar_related_requests_delay", "kind=\"own\"");
        timer(after, "back-link request written -> compute starts", "kabar_related_requests_delay", "back-link");
        timer(after, "ranking or insertion check of one list", "kabar_related_lists_compute");
        records("own-list request written -> list written", answeredAt, ownRequested::get, listWritten::get);
        records("201 answered -> own list written", answeredAt, answeredAt::get, listWritten::get);
        byTenth(answeredAt, listWritten);
    }

    /** The own-list wait per tenth of the burst in publish order: whether the tail builds up or comes and goes. */
    private static void byTenth(Map<String, Long> answeredAt, Map<String, Long> listWritten) {
        List<String> inOrder = answeredAt.keySet().stream()
                .filter(listWritten::containsKey)
                .sorted(Comparator.comparing(answeredAt::get))
                .toList();
        StringBuilder line = new StringBuilder("  201 -> own list by tenth of the burst (p50/max, s):");
        for (int tenth = 0; tenth < 10; tenth++) {
            long[] waits = inOrder.subList(tenth * inOrder.size() / 10, (tenth + 1) * inOrder.size() / 10).stream()
                    .mapToLong(id -> listWritten.get(id) - answeredAt.get(id))
                    .sorted()
                    .toArray();
            if (waits.length > 0) {
                line.append(String.format(" %.1f/%.1f", at(waits, 0.5) / 1000.0, waits[waits.length - 1] / 1000.0));
            }
        }
        System.out.println(line);
    }

    private static void records(
            String stage, Map<String, Long> ids, Function<String, Long> from, Function<String, Long> to) {
        long[] waits = ids.keySet().stream()
                .filter(id -> from.apply(id) != null && to.apply(id) != null)
                .mapToLong(id -> to.apply(id) - from.apply(id))
                .sorted()
                .toArray();
        if (waits.length == 0) {
            System.out.printf("  %-52s no records%n", stage);
            return;
        }
        System.out.printf(
                "  %-52s %,7d / %,7d / %,7d  (%,d articles)%n",
                stage, at(waits, 0.5), at(waits, 0.99), waits[waits.length - 1], waits.length);
    }

    private void timer(StageHistograms after, String stage, String... series) {
        StageHistograms.Stage counted = StageHistograms.between(before, after, series);
        System.out.printf(
                "  %-52s ≤%,6d / ≤%,6d          (%,d timed)%n",
                stage, counted.quantileMillis(0.5), counted.quantileMillis(0.99), counted.count());
    }

    private static long at(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /**
     * Key -> timestamp of its first record at or after the given offsets, up to the topic's current end. Reads the
     * topic from its start ({@link TestBroker#readAll}) and skips what lies before: after the burst, a read of a few
     * tens of thousands of records.
     */
    private Map<String, Long> firstTimestamps(String topic, Map<TopicPartition, Long> from) {
        Map<String, Long> first = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : TestBroker.readAll(brokers, topic, new ByteArrayDeserializer())) {
            Long start = from.get(new TopicPartition(record.topic(), record.partition()));
            if (start != null && record.offset() >= start) {
                first.putIfAbsent(record.key(), record.timestamp());
            }
        }
        return first;
    }
}
