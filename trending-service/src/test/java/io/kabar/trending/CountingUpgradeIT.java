package io.kabar.trending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.kabar.schemas.ArticleEventType;
import io.kabar.schemas.topics.Topics;
import io.kabar.testing.Http;
import io.kabar.testing.SharedBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The first start of the counting loop on an application whose Streams topology counted before (the upgrade from the
 * release that counted in Kafka Streams) starts each partition where that topology's group had committed: views it
 * had counted are not counted again, views after it are.
 */
class CountingUpgradeIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private ConfigurableApplicationContext instance;

    @AfterEach
    void stop() {
        if (instance != null) {
            instance.close();
        }
    }

    @Test
    void countingStartsWhereTheStreamsCountingOfTheReleaseBeforeLeftOff() {
        String applicationId = "trending-upgrade-" + UUID.randomUUID();
        String category = "upgrade-" + UUID.randomUUID();
        String a = UUID.randomUUID().toString();
        TestTopics.articleEvent(ArticleEventType.PUBLISHED, a, 1, "Pemilu", category);
        Http first = start("trending-upgrade-ingest-" + UUID.randomUUID());
        // Views the release before counted: its Streams group committed past them.
        assertThat(first.post("/api/page-views", views(a, 0, 5)).status().value())
                .isEqualTo(202);
        await().atMost(PATIENCE)
                .until(() -> first.get("/api/trending?window=1h&category=" + category)
                                .list("articles")
                                .size()
                        == 1);
        instance.close();
        commitEndOfPageViews(applicationId);

        Http upgraded = start(applicationId);
        assertThat(upgraded.post("/api/page-views", views(a, 5, 3)).status().value())
                .isEqualTo(202);

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(upgraded.get("/api/trending?window=1h&category=" + category)
                                .list("articles"))
                        .extracting(e -> e.get("articleId"), e -> ((Number) e.get("views")).longValue())
                        .containsExactly(tuple(a, 3L)));
    }

    /** What the Streams application of the release before had committed: every view up to now. */
    private static void commitEndOfPageViews(String group) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getProperty(SharedBroker.ADDRESS),
                ConsumerConfig.GROUP_ID_CONFIG,
                group);
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PAGE_VIEWS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> offsets = new java.util.HashMap<>();
            ends.forEach((partition, end) -> offsets.put(partition, new OffsetAndMetadata(end)));
            consumer.commitSync(offsets);
        }
    }

    private static List<Map<String, Object>> views(String articleId, int firstSession, int sessions) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (int i = firstSession; i < firstSession + sessions; i++) {
            views.add(Map.of("articleId", articleId, "sessionId", articleId + "-" + i));
        }
        return views;
    }

    private Http start(String applicationId) {
        instance = new SpringApplicationBuilder(TrendingServiceApplication.class)
                .run(
                        "--spring.kafka.bootstrap-servers=" + System.getProperty(SharedBroker.ADDRESS),
                        "--spring.kafka.streams.application-id=" + applicationId,
                        "--server.port=0",
                        "--spring.main.banner-mode=off");
        return new Http(Integer.parseInt(instance.getEnvironment().getProperty("local.server.port")));
    }
}
