package io.kabar.trending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.kabar.schemas.ArticleEventType;
import io.kabar.testing.Http;
import io.kabar.testing.SharedBroker;
import io.kabar.trending.counting.Counting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Two instances of the service share the partitions of the counting and of the Streams application and publish exactly
 * the rankings one instance would: the per-view work is split between them and the single ranking task sees every
 * count.
 */
class TwoInstancesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @AfterEach
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void twoInstancesSplitTheWorkAndRankWithExactCounts() {
        String applicationId = "trending-two-" + UUID.randomUUID();
        Http first = start(applicationId);
        Http second = start(applicationId);
        await().atMost(PATIENCE).until(() -> instances.stream().allMatch(TwoInstancesIT::hasActiveTasks));

        String category = "skala-" + UUID.randomUUID();
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String c = UUID.randomUUID().toString();
        TestTopics.articleEvent(ArticleEventType.PUBLISHED, a, 1, "Pemilu", category);
        TestTopics.articleEvent(ArticleEventType.PUBLISHED, b, 1, "Banjir", category);
        TestTopics.articleEvent(ArticleEventType.PUBLISHED, c, 1, "Liga", category);
        // Every session is posted to both instances: the dedupe counts it once wherever its views are processed.
        for (var article : Map.of(a, 7, b, 5, c, 3).entrySet()) {
            List<Map<String, Object>> views = new ArrayList<>();
            for (int i = 0; i < article.getValue(); i++) {
                views.add(Map.of("articleId", article.getKey(), "sessionId", article.getKey() + "-" + i));
            }
            assertThat(first.post("/api/page-views", views).status().value()).isEqualTo(202);
            assertThat(second.post("/api/page-views", views).status().value()).isEqualTo(202);
        }

        for (Http instance : List.of(first, second)) {
            await().atMost(PATIENCE)
                    .untilAsserted(() -> assertThat(instance.get("/api/trending?window=1h&category=" + category)
                                    .list("articles"))
                            .extracting(e -> e.get("articleId"), e -> ((Number) e.get("views")).longValue())
                            .containsExactly(tuple(a, 7L), tuple(b, 5L), tuple(c, 3L)));
        }
        assertThat(instances).allMatch(TwoInstancesIT::hasActiveTasks);
    }

    private Http start(String applicationId) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TrendingServiceApplication.class)
                .run(
                        "--spring.kafka.bootstrap-servers=" + System.getProperty(SharedBroker.ADDRESS),
                        "--spring.kafka.streams.application-id=" + applicationId,
                        "--server.port=0",
                        "--spring.main.banner-mode=off");
        instances.add(context);
        return new Http(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    private static boolean hasActiveTasks(ConfigurableApplicationContext context) {
        KafkaStreams streams = context.getBean(StreamsBuilderFactoryBean.class).getKafkaStreams();
        return streams != null
                && context.getBean(Counting.class).ready()
                && streams.state() == KafkaStreams.State.RUNNING
                && streams.metadataForLocalThreads().stream()
                        .map(ThreadMetadata::activeTasks)
                        .anyMatch(tasks -> !tasks.isEmpty());
    }
}
