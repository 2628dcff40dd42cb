package io.kabar.e2e;

import static org.awaitility.Awaitility.await;

import io.kabar.schemas.Article;
import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.ArticleEventType;
import io.kabar.schemas.RelatedLinksRefreshRequested;
import io.kabar.schemas.serde.AvroSerializer;
import io.kabar.schemas.topics.Topics;
import io.kabar.testing.KafkaBroker;
import io.kabar.testing.TestTokens;
import io.kabar.testing.load.ClosedLoop;
import io.kabar.testing.load.Measurement;
import io.kabar.testing.load.SyntheticNews;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Baca Juga" under a publishing burst: article-service and related-links-service from their runnable jars on one
 * broker, {@code bench.indexed} articles already indexed, then {@code bench.burst} articles published through the API
 * as fast as 8 closed-loop callers get answers. Reports when each new article's own list appeared after its publish
 * was answered (p50, p99) and when the last list a refresh request asked for was written after the last publish.
 * Run with {@code ./kabar bench burst}; {@code -Dkabar.root=<tree>} measures another tree's jars.
 */
public final class RelatedBurstBenchmark {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final String GROUP = "related-links-service";

    private RelatedBurstBenchmark() {}

    public static void main(String[] args) throws Exception {
        int indexed = Integer.getInteger("bench.indexed", 10_000);
        int burst = Integer.getInteger("bench.burst", 1_000);
        // The services run as ./kabar up runs them (C2, default heap), not in the tests' small C1-only JVMs.
        if (System.getProperty("kabar.service.jvm") == null) {
            System.setProperty("kabar.service.jvm", "");
        }
        System.out.printf("load average at start: %s%n", loadAverage());
        try (KafkaBroker broker = KafkaBroker.start(6)) {
            String brokers = broker.bootstrapServers();
            SyntheticNews news = new SyntheticNews(new Random(42));
            // Started as resources and awaited inside, so that a start that times out still stops the JVM.
            try (ServiceProcess articles = ServiceProcess.start(
                    "article-service",
                    brokers,
                    "--kabar.articles.publish-timeout=30s",
                    // One client publishing a burst: the per-client write limit would set the pace, not the API.
                    "--kabar.limits.rates.article-writes.requests=1000000")) {
                articles.awaitReady(Duration.ofMinutes(10));
                long start = System.nanoTime();
                alreadyIndexed(brokers, news, indexed);
                skipHistory(broker, brokers);
                try (ServiceProcess related =
                        ServiceProcess.start("related-links-service", brokers, StageHistograms.SERVICE_ARGUMENTS)) {
                    related.awaitReady(Duration.ofMinutes(10));
                    if (Boolean.parseBoolean(System.getProperty("bench.lists", "true"))) {
                        long listing = System.nanoTime();
                        existingLists(brokers, news, indexed);
                        System.out.printf(
                                "their %,d lists computed in %.1f s%n", indexed, (System.nanoTime() - listing) / 1e9);
                    }
                    try (ListWatcher lists = ListWatcher.fromEnd(brokers)) {
                        System.out.printf(
                                "%,d articles indexed by related-links-service in %.1f s%n",
                                indexed, (System.nanoTime() - start) / 1e9);
                        measure(broker, articles.port(), related.managementPort(), news, indexed, burst, lists);
                    }
                }
            }
        }
    }

    private static void measure(
            KafkaBroker broker,
            int port,
            int relatedManagementPort,
            SyntheticNews news,
            int indexed,
            int burst,
            ListWatcher lists)
            throws Exception {
        BurstTimeline timeline;
        try (Admin admin = Admin.create(broker.adminProperties())) {
            timeline = BurstTimeline.start(broker.bootstrapServers(), relatedManagementPort, admin);
        }
        HttpClient client = HttpClient.newHttpClient();
        String token = TestTokens.writer();
        Map<String, Long> answeredAt = new ConcurrentHashMap<>();
        Measurement publishing = ClosedLoop.run("HTTP POST /api/articles", burst, 8, n -> {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/articles"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json(news.item(indexed + n))))
                    .build();
            HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 201) {
                throw new IllegalStateException("publish answered " + answer.statusCode() + ": " + answer.body());
            }
            Matcher id = ID.matcher(answer.body());
            id.find();
            answeredAt.put(id.group(1), System.currentTimeMillis());
        });
        long lastPublish =
                answeredAt.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        System.out.printf(
                "published %,d in %.1f s (%.0f/s, p50 %.0f ms, p99 %.0f ms); load average: %s%n",
                burst,
                publishing.seconds(),
                publishing.perSecond(),
                publishing.p50Millis(),
                publishing.p99Millis(),
                loadAverage());

        await("every new article's own list")
                .atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> answeredAt.keySet().stream().allMatch(lists.firstSeen::containsKey));
        long[] ownLatencies = answeredAt.entrySet().stream()
                .mapToLong(e -> Math.max(0, lists.firstSeen.get(e.getKey()) - e.getValue()))
                .sorted()
                .toArray();
        System.out.printf(
                "own list after publish answered: p50 %,d ms, p99 %,d ms, max %,d ms (goal p99 < 2 s)%n",
                percentile(ownLatencies, 0.50), percentile(ownLatencies, 0.99), ownLatencies[ownLatencies.length - 1]);

        try (Admin admin = Admin.create(broker.adminProperties());
                Backlog backlog = new Backlog(broker.bootstrapServers())) {
            await("the group's lag on articles and both request topics")
                    .atMost(Duration.ofMinutes(30))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                                .partitionsToOffsetAndMetadata()
                                .get();
                        return backlog.isEmpty(Topics.ARTICLES.name(), committed)
                                && backlog.isEmpty(Topics.RELATED_LINKS_OWN_REQUESTS.name(), committed)
                                && backlog.isEmpty(Topics.RELATED_LINKS_REQUESTS.name(), committed);
                    });
            Map<TopicPartition, Long> written = ends(admin, Topics.RELATED_LINKS.name());
            await("the watcher at the end of the lists")
                    .atMost(Duration.ofMinutes(2))
                    .until(() -> lists.hasRead(written));
        }
        System.out.printf(
                "every refresh done %,d ms after the last publish (goal < 10 s); %,d list records written since the"
                        + " first publish; load average: %s%n",
                lists.lastWrittenAt - lastPublish, lists.records, loadAverage());
        timeline.print(answeredAt, lists.firstSeen);
    }

    /** Writes the articles on {@code news.articles} as article-service would have, and waits for the broker. */
    private static void alreadyIndexed(String brokers, SyntheticNews news, int count) throws Exception {
        Map<String, Object> props =
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ProducerConfig.LINGER_MS_CONFIG, 20);
        try (var producer =
                new KafkaProducer<>(props, new StringSerializer(), new AvroSerializer<>(ArticleEvent.class))) {
            for (int n = 0; n < count; n++) {
                SyntheticNews.Item item = news.item(n);
                Article article = Article.newBuilder()
                        .setId(item.id())
                        .setRevision(1)
                        .setSlug(item.id())
                        .setUrl("https://kabar.example/" + item.id())
                        .setTitle(item.title())
                        .setBody(item.paragraphs())
                        .setCategory(item.category())
                        .setTags(item.tags())
                        .setAuthor("Redaksi")
                        .setPublishedAt(item.publishedAt())
                        .setUpdatedAt(item.publishedAt())
                        .build();
                producer.send(new ProducerRecord<>(
                        Topics.ARTICLES.name(),
                        item.id(),
                        ArticleEvent.newBuilder()
                                .setEventId(item.id())
                                .setEventType(ArticleEventType.PUBLISHED)
                                .setOccurredAt(item.publishedAt())
                                .setArticle(article)
                                .setChangedBy("benchmark")
                                .build()));
            }
            producer.flush();
        }
    }

    /**
     * Asks for the indexed articles' own lists and waits until all are written, so that the burst finds every article
     * with its list, as in production ({@code -Dbench.lists=false}: without, as measured before 2026-12-02).
     */
    private static void existingLists(String brokers, SyntheticNews news, int count) throws Exception {
        try (ListWatcher lists = ListWatcher.fromEnd(brokers);
                var producer = new KafkaProducer<>(
                        Map.<String, Object>of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ProducerConfig.LINGER_MS_CONFIG, 20),
                        new StringSerializer(),
                        new AvroSerializer<>(RelatedLinksRefreshRequested.class))) {
            for (int n = 0; n < count; n++) {
                String id = news.item(n).id();
                producer.send(new ProducerRecord<>(
                        Topics.RELATED_LINKS_OWN_REQUESTS.name(),
                        id,
                        RelatedLinksRefreshRequested.newBuilder()
                                .setArticleId(id)
                                .setRequestedAt(Instant.now())
                                .setCause(ArticleEventType.PUBLISHED.name())
                                .setCauseArticleId(id)
                                .setCauseRevision(1)
                                .build()));
            }
            producer.flush();
            await("the indexed articles' lists")
                    .atMost(Duration.ofMinutes(30))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> lists.firstSeen.size() >= count);
        }
    }

    /**
     * The indexed articles are history: related-links-service's group starts after them, as an instance that has
     * worked through them would, instead of planning ten thousand first lists.
     */
    private static void skipHistory(KafkaBroker broker, String brokers) throws Exception {
        try (Admin admin = Admin.create(broker.adminProperties())) {
            Map<TopicPartition, OffsetAndMetadata> ends = ends(admin, Topics.ARTICLES.name()).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())));
            admin.alterConsumerGroupOffsets(GROUP, ends).all().get();
        }
    }

    static Map<TopicPartition, Long> ends(Admin admin, String topic) throws Exception {
        int partitions = admin.describeTopics(List.of(topic))
                .allTopicNames()
                .get()
                .get(topic)
                .partitions()
                .size();
        Map<TopicPartition, OffsetSpec> latest = java.util.stream.IntStream.range(0, partitions)
                .boxed()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static String json(SyntheticNews.Item item) {
        return JsonMapper.builder()
                .build()
                .writeValueAsString(Map.of(
                        "title", item.title() + " " + item.id(),
                        "body", String.join("\n\n", item.paragraphs()),
                        "category", item.category(),
                        "tags", item.tags(),
                        "author", "Redaksi"));
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static String loadAverage() {
        try {
            return Arrays.stream(Files.readString(Path.of("/proc/loadavg")).split(" "))
                    .limit(3)
                    .collect(Collectors.joining(" "));
        } catch (Exception e) {
            return "unknown";
        }
    }
}
