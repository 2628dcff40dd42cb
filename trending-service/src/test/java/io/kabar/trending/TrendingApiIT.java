package io.kabar.trending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.kabar.schemas.ArticleEventType;
import io.kabar.schemas.topics.Topics;
import io.kabar.testing.Http;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
class TrendingApiIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @Test
    void ranksDeduplicatedViewsOfPublishedArticlesAndFollowsTheirChanges() {
        String category = "uji-" + UUID.randomUUID();
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String c = UUID.randomUUID().toString();
        String unknown = UUID.randomUUID().toString();
        TestTopics.articleEvent(ArticleEventType.PUBLISHED, a, 1, "Pemilu 2029 dimulai", category);
        TestTopics.articleEvent(ArticleEventType.PUBLISHED, b, 1, "Harga cabai naik", category);
        TestTopics.articleEvent(ArticleEventType.PUBLISHED, c, 1, "Timnas menang", category);

        Http.Answer batch = http.post(
                "/api/page-views",
                List.of(
                        view(a, "s1"),
                        view(a, "s2"),
                        view(a, "s3"),
                        view(a, "s1"),
                        view(a, "s1"),
                        view(b, "s1"),
                        view(b, "s2"),
                        view(b, "s2"),
                        view(unknown, "s1"),
                        view(unknown, "s2"),
                        view(unknown, "s3"),
                        view(unknown, "s4")),
                h -> {});
        Http.Answer single = http.post("/api/page-views", Map.of("articleId", c, "sessionId", "s9"), h -> {});

        assertThat(batch.status()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(batch.body()).containsEntry("accepted", 12);
        assertThat(single.status()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(single.body()).containsEntry("accepted", 1);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(ranked(category))
                        .containsExactly(
                                tuple(a, "Pemilu 2029 dimulai", 3),
                                tuple(b, "Harga cabai naik", 2),
                                tuple(c, "Timnas menang", 1)));
        // The overall ranking is another store than the category's, which may be updated a moment apart.
        await().atMost(PATIENCE).untilAsserted(() -> {
            Http.Answer overall = http.get("/api/trending?window=1h&limit=50");
            assertThat(overall.body()).doesNotContainKey("category").containsKey("generatedAt");
            assertThat(articles(overall))
                    .extracting(m -> m.get("articleId"))
                    .contains(a, b, c)
                    .doesNotContain(unknown);
        });

        TestTopics.articleEvent(ArticleEventType.UNPUBLISHED, b, 2, "Harga cabai naik", category);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(ranked(category))
                        .containsExactly(tuple(a, "Pemilu 2029 dimulai", 3), tuple(c, "Timnas menang", 1)));

        TestTopics.articleEvent(ArticleEventType.UPDATED, a, 2, "Pemilu 2029 resmi dimulai", category);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(ranked(category))
                        .containsExactly(tuple(a, "Pemilu 2029 resmi dimulai", 3), tuple(c, "Timnas menang", 1)));
    }

    @Test
    void servesTheRisingListInTheSameShapeAsTheMostRead() {
        String category = "naik-" + UUID.randomUUID();
        String fresh = UUID.randomUUID().toString();
        String quiet = UUID.randomUUID().toString();
        TestTopics.articleEvent(ArticleEventType.PUBLISHED, fresh, 1, "Gempa", category);
        TestTopics.articleEvent(ArticleEventType.PUBLISHED, quiet, 1, "Resep", category);
        List<Map<String, Object>> views = new ArrayList<>();
        // 20: the client cap lets no more new sessions of one address count for an article in a minute.
        for (int i = 0; i < 20; i++) {
            views.add(view(fresh, "r" + i));
        }
        for (int i = 0; i < 3; i++) {
            views.add(view(quiet, "r" + i));
        }
        assertThat(http.post("/api/page-views", views, h -> {}).status()).isEqualTo(HttpStatus.ACCEPTED);

        // 20 recent views and none before: 20 / (0 + rising-min-views 20); three views are below the floor.
        await().atMost(PATIENCE).untilAsserted(() -> {
            Http.Answer rising = http.get("/api/trending?window=rising&limit=5&category=" + category);
            assertThat(rising.status()).isEqualTo(HttpStatus.OK);
            assertThat(rising.body()).containsEntry("window", "rising").containsEntry("category", category);
            assertThat(articles(rising))
                    .extracting(m -> m.get("articleId"), m -> m.get("views"), m -> m.get("score"))
                    .containsExactly(tuple(fresh, 20, 1.0));
        });
    }

    @Test
    void answersARankingWithoutViewsWithAnEmptyList() {
        Http.Answer answer = http.get("/api/trending?window=24h&category=tidak-ada-" + UUID.randomUUID());

        assertThat(answer.status()).isEqualTo(HttpStatus.OK);
        assertThat(answer.body()).containsEntry("window", "24h").doesNotContainKey("generatedAt");
        assertThat(articles(answer)).isEmpty();
    }

    @Test
    void answersInvalidViewsWithAProblemNamingEachField() {
        Map<String, Object> future = new HashMap<>(view("a", "s1"));
        future.put("viewedAt", Instant.now().plus(Duration.ofHours(2)).toString());
        Map<String, Object> garbled = new HashMap<>(view("a", "s1"));
        garbled.put("viewedAt", "kemarin");
        Map<String, Object> stale = new HashMap<>(view("a", "s1"));
        stale.put("viewedAt", Instant.now().minus(Duration.ofHours(1)).toString());

        Http.Answer single = http.post("/api/page-views", Map.of("sessionId", " "), h -> {});
        Http.Answer batch = http.post(
                "/api/page-views",
                List.of(
                        view("a", "s1"),
                        Map.of("articleId", "a"),
                        future,
                        garbled,
                        Map.of("articleId", "x".repeat(101), "sessionId", "s"),
                        stale),
                h -> {});

        assertThat(single.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(single.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(fields(single)).containsExactly("articleId", "sessionId");
        assertThat(batch.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(batch))
                .containsExactly("[1].sessionId", "[2].viewedAt", "[3].viewedAt", "[4].articleId", "[5].viewedAt");
    }

    @Test
    void refusesABatchOfMoreThanFiveHundredViews() {
        List<Map<String, Object>> views = new ArrayList<>();
        for (int i = 0; i <= 500; i++) {
            views.add(view("a", "s" + i));
        }

        Http.Answer answer = http.post("/api/page-views", views, h -> {});

        assertThat(answer.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(answer)).containsExactly("body");
    }

    @Test
    void answersMalformedJsonAndBadParametersWithAProblem() {
        Http.Answer wrongType =
                http.post("/api/page-views", List.of(view("a", "s1"), Map.of("articleId", List.of())), h -> {});

        assertThat(fields(wrongType)).containsExactly("[1].articleId");
        assertThat(fields(http.get("/api/trending?window=7d"))).containsExactly("window");
        assertThat(fields(http.get("/api/trending?limit=0"))).containsExactly("limit");
        assertThat(fields(http.get("/api/trending?limit=51"))).containsExactly("limit");
        assertThat(fields(http.get("/api/trending?limit=banyak"))).containsExactly("limit");
    }

    @Test
    void sendsAnUndecodableViewToTheDeadLetterTopicAndKeepsCounting() {
        String category = "uji-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();

        TestTopics.garbage(Topics.PAGE_VIEWS.name(), id);
        TestTopics.articleEvent(ArticleEventType.PUBLISHED, id, 1, "Gempa di Cianjur", category);
        http.post("/api/page-views", view(id, "s1"), h -> {});

        await().atMost(PATIENCE)
                .until(() ->
                        TestTopics.keysOf(Topics.PAGE_VIEWS.deadLetter().name()).contains(id));
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(ranked(category)).containsExactly(tuple(id, "Gempa di Cianjur", 1)));
    }

    @Test
    void becomesReadyWithStreamsAndTheRankingMirrorWhileHealthAlsoShowsKafka() {
        await().atMost(PATIENCE).untilAsserted(() -> {
            Http.Answer readiness = new Http(managementPort).get("/actuator/health/readiness");
            assertThat(readiness.status()).isEqualTo(HttpStatus.OK);
            assertThat(readiness.body().toString())
                    .contains("state=RUNNING")
                    .contains("mirrors")
                    .doesNotContain("kafka");
            assertThat(new Http(managementPort).get("/actuator/health").body().toString())
                    .contains("kafka");
        });
    }

    private static Map<String, Object> view(String articleId, String sessionId) {
        return Map.of(
                "articleId",
                articleId,
                "sessionId",
                sessionId,
                "viewedAt",
                Instant.now().toString());
    }

    private List<org.assertj.core.groups.Tuple> ranked(String category) {
        Http.Answer answer = http.get("/api/trending?window=1h&category=" + category);
        assertThat(answer.status()).isEqualTo(HttpStatus.OK);
        assertThat(answer.body()).containsEntry("window", "1h").containsEntry("category", category);
        return articles(answer).stream()
                .map(m -> tuple(m.get("articleId"), m.get("title"), m.get("views")))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> articles(Http.Answer answer) {
        return (List<Map<String, Object>>) answer.get("articles");
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(Http.Answer answer) {
        return ((List<Map<String, Object>>) answer.get("errors"))
                .stream().map(e -> (String) e.get("field")).toList();
    }
}
