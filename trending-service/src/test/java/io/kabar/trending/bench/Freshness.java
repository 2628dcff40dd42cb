package io.kabar.trending.bench;

import io.kabar.schemas.PageView;
import io.kabar.schemas.TrendingArticle;
import io.kabar.schemas.TrendingRanking;
import io.kabar.schemas.serde.AvroSerializer;
import io.kabar.schemas.topics.Topics;
import io.kabar.trending.ranking.TrendingTopology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * View-to-ranking freshness on a running topology: sends views at a steady rate, each from a new session so every one
 * counts, and takes, for each view of an article that a "1h" ranking (overall or per category) shows, the time from
 * the view's acknowledgement to the first ranking whose count for the article includes it.
 *
 * <p>An article's views are acknowledged in the order they were sent (one partition per article), and a ranking that
 * shows {@code base + k} views of it is taken to include the first {@code k} views sent now, where {@code base} is its
 * exact count from the backlog. Since the session cap's repartition, an article's views may be counted in another
 * order than they were acknowledged: the k-th count is still matched with the k-th acknowledgement, so the figures are
 * those of the first k views to be acknowledged rather than of exactly the k views counted.
 */
final class Freshness {

    private final String bootstrap;
    private final int articles;
    private final Map<String, Long> base;
    /** Per article, the acknowledgement times (nanos) of its views, in sending order. */
    private final Map<String, List<Long>> acks = new ConcurrentHashMap<>();

    private final Map<String, Integer> seen = new HashMap<>();
    private final List<Long> latencies = new ArrayList<>();

    Freshness(String bootstrap, int articles, Map<String, Long> base) {
        this.bootstrap = bootstrap;
        this.articles = articles;
        this.base = base;
    }

    void measure(KafkaConsumer<String, TrendingRanking> rankings, int perSecond, Duration duration) throws Exception {
        Thread sender = Thread.ofPlatform().start(() -> send(perSecond, duration));
        long until =
                System.nanoTime() + duration.toNanos() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < until) {
            for (var record : rankings.poll(Duration.ofMillis(50))) {
                long arrived = System.nanoTime();
                if (record.value() != null && record.key().startsWith("1h|")) {
                    record.value().getArticles().forEach(a -> include(a, arrived));
                }
            }
        }
        sender.join();
        Collections.sort(latencies);
        long sent = acks.values().stream().mapToLong(List::size).sum();
        System.out.printf(
                "freshness at %,d views/s: p50 %.0f ms, p99 %.0f ms, max %.0f ms (%,d of %,d views shown in a ranking)%n",
                perSecond, percentile(0.50), percentile(0.99), percentile(1.0), latencies.size(), sent);
    }

    private void include(TrendingArticle article, long arrived) {
        List<Long> times = acks.get(article.getArticleId());
        if (times == null) {
            return;
        }
        int included = (int) (article.getViews() - base.getOrDefault(article.getArticleId(), 0L));
        int from = seen.getOrDefault(article.getArticleId(), 0);
        synchronized (times) {
            int to = Math.min(included, times.size());
            for (int k = from; k < to; k++) {
                latencies.add(arrived - times.get(k));
            }
            seen.put(article.getArticleId(), Math.max(from, to));
        }
    }

    private void send(int perSecond, Duration duration) {
        Map<String, Object> props =
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 5);
        Random random = new Random(7);
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new AvroSerializer<>(PageView.class))) {
            long start = System.nanoTime();
            long sent = 0;
            long total = perSecond * duration.toSeconds();
            while (sent < total) {
                long due = Math.min(total, (System.nanoTime() - start) * perSecond / 1_000_000_000L);
                for (; sent < due; sent++) {
                    String article = "a" + (int) Math.floor(articles * Math.pow(random.nextDouble(), 3));
                    PageView view = PageView.newBuilder()
                            .setArticleId(article)
                            .setSessionId("fresh-" + sent)
                            .setViewedAt(Instant.now())
                            .build();
                    List<Long> times = acks.computeIfAbsent(article, a -> new ArrayList<>());
                    producer.send(
                            new ProducerRecord<>(Topics.PAGE_VIEWS.name(), TrendingTopology.pageViewKey(view), view),
                            (meta, error) -> {
                                if (error == null) {
                                    synchronized (times) {
                                        times.add(System.nanoTime());
                                    }
                                }
                            });
                }
                Thread.sleep(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private double percentile(double p) {
        if (latencies.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.min(latencies.size() - 1, Math.ceil(p * latencies.size()) - 1);
        return latencies.get(Math.max(0, index)) / 1e6;
    }
}
