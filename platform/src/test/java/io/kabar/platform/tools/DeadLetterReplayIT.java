package io.kabar.platform.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kabar.platform.kafka.KafkaClients;
import io.kabar.platform.kafka.TopicMirror;
import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.serde.AvroDeserializer;
import io.kabar.schemas.serde.AvroSerializer;
import io.kabar.schemas.topics.Topics;
import io.kabar.testing.KafkaBroker;
import io.kabar.testing.TestArticles;
import io.kabar.testing.TestBroker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Replaying dead letters cannot take an article back: on a broker of its own whose log cleaner runs every fraction
 * of a second, an old revision replayed after a newer one is dropped, so that after compaction and a restart that
 * rebuilds the read model the article is still at the newer revision.
 */
class DeadLetterReplayIT {

    private static KafkaBroker broker;

    @BeforeAll
    static void startBrokerWithABusyLogCleaner() {
        broker = KafkaBroker.start(1, Map.of("log.cleaner.backoff.ms", "200"));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void anOldRevisionReplayedAfterANewerOneIsDroppedAndTheArticleStaysAtTheNewerOneAfterCompactionAndRestart()
            throws Exception {
        String article = "artikel-" + UUID.randomUUID();
        String other = "lain-" + UUID.randomUUID();
        String unseen = "baru-" + UUID.randomUUID();
        try (ConfigurableApplicationContext service = start(new ConcurrentHashMap<>())) {
            compactQuickly();
            TestBroker.publish(
                    bootstrap(),
                    Topics.ARTICLES,
                    e -> e.getArticle().getId(),
                    event(article, 1),
                    event(article, 2),
                    event(article, 3),
                    event(article, 4),
                    event(other, 1));
        }
        deadLetter(event(article, 3), event(other, 2), event(unseen, 1));
        ByteArrayOutputStream report = new ByteArrayOutputStream();

        int replayed = DeadLetters.run(
                "replay", Topics.ARTICLES.name(), bootstrap(), new PrintStream(report, true, StandardCharsets.UTF_8));

        assertThat(replayed).isEqualTo(2);
        assertThat(report.toString(StandardCharsets.UTF_8))
                .contains("dropped news.articles.dlt@0 key=" + article + ": not newer than the current revision 4")
                .contains("kept news.articles.dlt@1 key=" + other + ": newer than the current revision 1")
                .contains("kept news.articles.dlt@2 key=" + unseen + ": the key has no current state")
                .contains("replayed 2 record(s) of news.articles.dlt, dropped 1");
        awaitCompactionOf(article);
        Map<String, ArticleEvent> rebuilt = new ConcurrentHashMap<>();
        try (ConfigurableApplicationContext restarted = start(rebuilt)) {
            assertThat(rebuilt.get(article).getArticle().getRevision()).isEqualTo(4);
            assertThat(rebuilt.get(other).getArticle().getRevision()).isEqualTo(2);
            assertThat(rebuilt.get(unseen).getArticle().getRevision()).isEqualTo(1);
        }
    }

    /** Starts a minimal service whose read model is a mirror of news.articles, and waits until it has caught up. */
    private static ConfigurableApplicationContext start(Map<String, ArticleEvent> readModel) throws Exception {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                .properties(
                        "spring.main.web-application-type=none",
                        "spring.kafka.bootstrap-servers=" + bootstrap(),
                        "kabar.kafka.partitions=1")
                .initializers(c -> c.getBeanFactory().registerSingleton("readModel", readModel))
                .run();
        @SuppressWarnings("unchecked")
        TopicMirror<ArticleEvent> mirror = context.getBean(TopicMirror.class);
        assertThat(mirror.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
        return context;
    }

    /** Small segments that roll after half a second, cleaned as soon as anything in them is superseded. */
    private static void compactQuickly() throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", bootstrap()))) {
            ConfigResource articles = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ARTICLES.name());
            Collection<AlterConfigOp> quick = List.of(
                    set(TopicConfig.SEGMENT_MS_CONFIG, "500"),
                    set(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.01"),
                    set(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0"));
            admin.incrementalAlterConfigs(Map.of(articles, quick)).all().get();
        }
    }

    private static AlterConfigOp set(String name, String value) {
        return new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET);
    }

    /**
     * Waits until the log cleaner has compacted the article down to one record, writing a filler event now and then
     * so that the segment holding the article's records rolls and becomes cleanable.
     */
    private static void awaitCompactionOf(String article) {
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    TestBroker.publish(bootstrap(), Topics.ARTICLES, e -> "filler", event("filler", 1));
                    List<ArticleEvent> left = TestBroker.readAll(
                                    bootstrap(), Topics.ARTICLES.name(), new AvroDeserializer<>(ArticleEvent.class))
                            .stream()
                            .filter(r -> article.equals(r.key()))
                            .map(ConsumerRecord::value)
                            .toList();
                    return left.size() == 1 && left.getFirst().getArticle().getRevision() == 4;
                });
    }

    /** Puts events on news.articles.dlt as the platform's error handler does: as written, with the failure. */
    private static void deadLetter(ArticleEvent... events) throws Exception {
        AvroSerializer<ArticleEvent> avro = new AvroSerializer<>(ArticleEvent.class);
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", bootstrap()),
                new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            for (ArticleEvent event : events) {
                var record = new ProducerRecord<>(
                        Topics.ARTICLES.deadLetter().name(), event.getArticle().getId(), avro.serialize("t", event));
                record.headers().add("kafka_dlt-exception-message", "listener failed".getBytes(StandardCharsets.UTF_8));
                producer.send(record).get();
            }
        }
    }

    private static ArticleEvent event(String id, long revision) {
        return TestArticles.event(id, revision, "Judul revisi " + revision, "Uji", false);
    }

    private static String bootstrap() {
        return broker.bootstrapServers();
    }

    /** A service whose read model is the last event of each article, as every mirror keeps it. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        TopicMirror<ArticleEvent> articles(KafkaClients clients, Map<String, ArticleEvent> readModel) {
            return clients.mirror(Topics.ARTICLES, readModel::put);
        }
    }
}
