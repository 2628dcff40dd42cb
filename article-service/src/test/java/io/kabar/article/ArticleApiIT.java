package io.kabar.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.ArticleEventType;
import io.kabar.schemas.topics.Topics;
import io.kabar.testing.Http;
import io.kabar.testing.TestBroker;
import io.kabar.testing.TestTokens;
import java.time.Duration;
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
        properties = {
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "kabar.auth.public-key-location=${" + TestTokens.PUBLIC_KEY_LOCATION + "}"
        })
class ArticleApiIT {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port).bearer(TestTokens.writer());
    }

    @Test
    void publishesAnArticleAsAnAvroEventOnTheBroker() {
        Http.Answer created =
                http.post("/api/articles", article("Rusia dan Korea Utara sepakat kerja sama militer"), h -> {});

        assertThat(created.status()).isEqualTo(HttpStatus.CREATED);
        String id = (String) created.get("id");
        assertThat(created.headers().getLocation()).hasPath("/api/articles/" + id);
        assertThat(created.headers().getETag()).isEqualTo("\"1\"");
        assertThat(created.body())
                .containsEntry("revision", 1)
                .containsEntry("status", "PUBLISHED")
                .containsEntry("slug", "rusia-dan-korea-utara-sepakat-kerja-sama-militer")
                .containsEntry("url", "https://kabar.example/rusia-dan-korea-utara-sepakat-kerja-sama-militer")
                .containsEntry("language", "id")
                .containsEntry("summary", "Paragraf pertama.")
                .containsEntry("paragraphs", List.of("Paragraf pertama.", "Paragraf kedua."));
        ArticleEvent event = ArticleApiIT.lastEventOf(id);
        assertThat(event.getEventType()).isEqualTo(ArticleEventType.PUBLISHED);
        assertThat(event.getArticle().getRevision()).isEqualTo(1);
        assertThat(event.getArticle().getBody()).containsExactly("Paragraf pertama.", "Paragraf kedua.");
        assertThat(http.get("/api/articles/" + id).body())
                .containsEntry("title", "Rusia dan Korea Utara sepakat kerja sama militer");
    }

    @Test
    void recordsConcurrentPublishesEachExactlyOnce() {
        String category = "Uji-" + UUID.randomUUID();

        List<Http.Answer> answers = java.util.stream.IntStream.range(0, 24)
                .parallel()
                .mapToObj(i -> http.post("/api/articles", article("Berita serentak " + i, category), h -> {}))
                .toList();

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(HttpStatus.CREATED));
        List<String> ids =
                answers.stream().map(a -> (String) a.get("id")).distinct().toList();
        assertThat(ids).hasSize(24);
        ids.forEach(id -> assertThat(eventsOf(id, 1)).hasSize(1));
        assertThat((List<?>)
                        http.get("/api/articles?limit=100&category=" + category).get("articles"))
                .hasSize(24);
    }

    @Test
    void answersARetriedPostWithTheFirstResultInsteadOfPublishingTwice() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = article("Harga beras naik menjelang akhir tahun");

        Http.Answer first = http.post("/api/articles", body, h -> h.set("Idempotency-Key", key));
        Http.Answer retry = http.post("/api/articles", body, h -> h.set("Idempotency-Key", key));

        assertThat(retry.status()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.get("id")).isEqualTo(first.get("id"));
        assertThat(retry.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(ArticleApiIT.eventsOf((String) first.get("id"), 1)).hasSize(1);
    }

    @Test
    void refusesAnIdempotencyKeyReusedForADifferentRequest() {
        String key = UUID.randomUUID().toString();
        http.post("/api/articles", article("Banjir rob di pesisir utara Jakarta"), h -> h.set("Idempotency-Key", key));

        Http.Answer reused =
                http.post("/api/articles", article("Gempa di Cianjur"), h -> h.set("Idempotency-Key", key));

        assertThat(reused.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(reused.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void publishesUpdatedEventWithNextRevision() {
        String id = (String) http.post("/api/articles", article("Timnas U-23 lolos ke Piala Asia"), h -> {})
                .get("id");
        Map<String, Object> edit = new HashMap<>(article("Timnas U-23 Indonesia lolos ke Piala Asia 2024"));

        Http.Answer updated = http.put("/api/articles/" + id, edit, h -> h.setIfMatch("\"1\""));

        assertThat(updated.status()).isEqualTo(HttpStatus.OK);
        assertThat(updated.body())
                .containsEntry("revision", 2)
                .containsEntry("title", "Timnas U-23 Indonesia lolos ke Piala Asia 2024")
                .containsEntry("slug", "timnas-u-23-lolos-ke-piala-asia");
        ArticleEvent event = ArticleApiIT.lastEventOf(id, 2);
        assertThat(event.getEventType()).isEqualTo(ArticleEventType.UPDATED);
        assertThat(event.getArticle().getRevision()).isEqualTo(2);
        assertThat(http.get("/api/articles/" + id).headers().getETag()).isEqualTo("\"2\"");
    }

    @Test
    void refusesAReplaceBasedOnAStaleRevision() {
        String id = (String) http.post("/api/articles", article("IHSG dibuka menguat"), h -> {})
                .get("id");
        http.put("/api/articles/" + id, article("IHSG dibuka menguat pagi ini"), h -> h.setIfMatch("\"1\""));

        Http.Answer stale = http.put("/api/articles/" + id, article("IHSG dibuka melemah"), h -> h.setIfMatch("\"1\""));
        Http.Answer unconditional = http.put("/api/articles/" + id, article("IHSG dibuka melemah"), h -> {});

        assertThat(stale.status()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat((String) stale.get("detail")).contains("revision 2");
        assertThat(unconditional.status()).isEqualTo(HttpStatus.PRECONDITION_REQUIRED);
        assertThat(ArticleApiIT.lastEventOf(id, 2).getArticle().getRevision()).isEqualTo(2);
    }

    @Test
    void unpublishedArticleAnswers404AndLeavesTheLatestList() {
        String category = "Uji-" + UUID.randomUUID();
        String id = (String) http.post("/api/articles", article("Berita yang akan ditarik", category), h -> {})
                .get("id");

        Http.Answer deleted = http.delete("/api/articles/" + id, h -> h.setIfMatch("\"1\""));

        assertThat(deleted.status()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(http.get("/api/articles/" + id).status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat((List<?>) http.get("/api/articles?category=" + category).get("articles"))
                .isEmpty();
        ArticleEvent event = ArticleApiIT.lastEventOf(id, 2);
        assertThat(event.getEventType()).isEqualTo(ArticleEventType.UNPUBLISHED);
        assertThat(event.getArticle().getRevision()).isEqualTo(2);
    }

    @Test
    void listsTheLatestArticlesNewestFirstByCategoryAndTagInPages() {
        String category = "Uji-" + UUID.randomUUID();
        for (int day = 1; day <= 3; day++) {
            Map<String, Object> body = new HashMap<>(article("Berita hari ke-" + day, category));
            body.put("publishedAt", "2025-10-0" + day + "T08:00:00Z");
            body.put("tags", day == 2 ? List.of("khusus") : List.of("umum"));
            http.post("/api/articles", body, h -> {});
        }

        Http.Answer first = http.get("/api/articles?category=" + category + "&limit=2");
        Http.Answer second =
                http.get("/api/articles?category=" + category + "&limit=2&before=" + first.get("nextBefore"));
        Http.Answer tagged = http.get("/api/articles?category=" + category + "&tag=khusus");

        assertThat(titles(first)).containsExactly("Berita hari ke-3", "Berita hari ke-2");
        assertThat(first.get("nextBefore")).isNotNull();
        assertThat(titles(second)).containsExactly("Berita hari ke-1");
        assertThat(second.body()).doesNotContainKey("nextBefore");
        assertThat(titles(tagged)).containsExactly("Berita hari ke-2");
    }

    @Test
    void givesArticlesWithTheSameTitleDistinctSlugs() {
        Http.Answer one = http.post("/api/articles", article("Jakarta diguyur hujan deras"), h -> {});
        Http.Answer two = http.post("/api/articles", article("Jakarta diguyur hujan deras"), h -> {});

        assertThat(one.get("slug")).isEqualTo("jakarta-diguyur-hujan-deras");
        assertThat((String) two.get("slug"))
                .startsWith("jakarta-diguyur-hujan-deras-")
                .isNotEqualTo(one.get("slug"));
    }

    @Test
    void answersBadInputWithAProblemNamingEachField() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("title", "x".repeat(301));
        bad.put("body", "b".repeat(200 * 1024 + 1));
        bad.put("language", "indonesia");
        bad.put("imageUrl", "ftp://example.com/a.png");
        bad.put("tags", List.of("ok", " "));

        Http.Answer answer = http.post("/api/articles", bad, h -> {});

        assertThat(answer.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.invalidFields())
                .containsExactlyInAnyOrder("title", "body", "category", "author", "language", "imageUrl", "tags[1]");
        assertThat(answer.body().toString()).doesNotContain("Exception").doesNotContain("at io.kabar");
    }

    @Test
    void answersMalformedJsonAndWrongTypesWithAProblem() {
        Http.Answer wrongType = http.post(
                "/api/articles",
                Map.of("title", "a", "body", "b", "category", "c", "author", "d", "publishedAt", "kemarin"),
                h -> {});
        Http.Answer badLimit = http.get("/api/articles?limit=0");
        Http.Answer badCursor = http.get("/api/articles?before=kemarin");

        assertThat(wrongType.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrongType.invalidFields()).containsExactly("publishedAt");
        assertThat(badLimit.invalidFields()).containsExactly("limit");
        assertThat(badCursor.invalidFields()).containsExactly("before");
    }

    @Test
    void answersAnUnknownIdWithA404Problem() {
        Http.Answer answer = http.get("/api/articles/" + UUID.randomUUID());

        assertThat(answer.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void reportsReadinessByTheReadModelHealthWithKafkaAndExposesPrometheusMetrics() {
        http.post("/api/articles", article("Metrik untuk operator"), h -> {});

        Http management = new Http(managementPort);
        Http.Answer readiness = management.get("/actuator/health/readiness");
        String metrics = management.text("/actuator/prometheus");

        assertThat(readiness.status()).isEqualTo(HttpStatus.OK);
        assertThat(readiness.body().toString()).contains("mirrors").doesNotContain("kafka");
        assertThat(management.get("/actuator/health").body().toString()).contains("kafka");
        assertThat(metrics)
                .contains("kabar_articles_events_total")
                .contains("kabar_articles_catalog_size")
                .contains("kafka_consumer_fetch_manager_records_lag")
                .contains("kafka_producer_record_send_total");
    }

    static Map<String, Object> article(String title) {
        return article(title, "Internasional");
    }

    static Map<String, Object> article(String title, String category) {
        return Map.of(
                "title",
                title,
                "body",
                "Paragraf pertama.\n\nParagraf kedua.",
                "category",
                category,
                "tags",
                List.of("rusia", "korea-utara"),
                "author",
                "Redaksi");
    }

    private static List<String> titles(Http.Answer answer) {
        return answer.list("articles").stream()
                .map(a -> (String) a.get("title"))
                .toList();
    }

    /**
     * The article's committed events, oldest first, once at least {@code count} of them are visible. An answer
     * follows the transaction's commit, but read_committed readers see its records only once the broker has written
     * the commit marker, a moment later: so this waits for them.
     */
    static List<ArticleEvent> eventsOf(String id, int count) {
        return await("%d event(s) of article %s".formatted(count, id))
                .atMost(Duration.ofSeconds(60))
                .until(() -> TestBroker.valuesOf(Topics.ARTICLES, id), found -> found.size() >= count);
    }

    /** The article's newest event once it has at least {@code count} (see {@link #eventsOf(String, int)}). */
    static ArticleEvent lastEventOf(String id, int count) {
        return eventsOf(id, count).getLast();
    }

    /** The event of a freshly published article. */
    static ArticleEvent lastEventOf(String id) {
        return lastEventOf(id, 1);
    }
}
