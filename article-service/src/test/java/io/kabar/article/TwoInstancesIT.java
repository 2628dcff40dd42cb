package io.kabar.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kabar.schemas.ArticleEvent;
import io.kabar.testing.Http;
import io.kabar.testing.TestBroker;
import io.kabar.testing.TestTokens;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;

/**
 * Two instances on one broker, each request sent to both at once: whichever instance a request reaches, the one
 * owner of the article (or of the title's slug) decides it, so revisions, slugs and idempotency keys hold.
 */
class TwoInstancesIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startBoth() {
        first = RestartIT.start();
        second = RestartIT.start();
    }

    @AfterAll
    static void stopBoth() {
        second.close();
        first.close();
    }

    @Test
    void concurrentEditsOfOneRevisionOnTwoInstancesGiveExactlyOneSuccessAndOneStaleRevision() {
        String id = (String) http(first)
                .post("/api/articles", ArticleApiIT.article("Sidang kabinet dimulai"))
                .get("id");
        await().atMost(WAIT).until(() -> http(second).get("/api/articles/" + id).status() == HttpStatus.OK);

        List<Http.Answer> answers = onBothAtOnce(instance -> http(instance)
                .put(
                        "/api/articles/" + id,
                        ArticleApiIT.article("Sidang kabinet diubah di " + port(instance)),
                        h -> h.setIfMatch("\"1\"")));

        assertThat(answers)
                .extracting(Http.Answer::status)
                .containsExactlyInAnyOrder(HttpStatus.OK, HttpStatus.PRECONDITION_FAILED);
        assertThat(ArticleApiIT.eventsOf(id, 2))
                .extracting(e -> e.getArticle().getRevision())
                .containsExactly(1L, 2L);
        String winner = (String) answers.stream()
                .filter(a -> a.status() == HttpStatus.OK)
                .findFirst()
                .orElseThrow()
                .get("title");
        for (ConfigurableApplicationContext instance : List.of(first, second)) {
            await().atMost(WAIT)
                    .until(() -> winner.equals(
                            http(instance).get("/api/articles/" + id).get("title")));
        }
    }

    @Test
    void oneTitlePublishedOnTwoInstancesAtOnceGetsTwoSlugs() {
        String title = "Kembar " + UUID.randomUUID();

        List<Http.Answer> answers =
                onBothAtOnce(instance -> http(instance).post("/api/articles", ArticleApiIT.article(title)));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(HttpStatus.CREATED));
        assertThat(answers).extracting(a -> a.get("slug")).doesNotHaveDuplicates();
        assertThat(answers).extracting(a -> a.get("id")).doesNotHaveDuplicates();
    }

    @Test
    void oneIdempotencyKeyOnTwoInstancesAtOncePublishesOneArticleThatBothAnswersName() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = new HashMap<>(ArticleApiIT.article("Satu kunci dua pintu " + key));

        List<Http.Answer> answers = onBothAtOnce(
                instance -> http(instance).post("/api/articles", body, h -> h.set("Idempotency-Key", key)));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(HttpStatus.CREATED));
        String id = (String) answers.get(0).get("id");
        assertThat(answers.get(1).get("id")).isEqualTo(id);
        assertThat(answers)
                .extracting(a -> a.headers().getFirst("Idempotent-Replayed"))
                .containsExactlyInAnyOrder("true", "false");
        List<ArticleEvent> events = ArticleApiIT.eventsOf(id, 1);
        assertThat(events).hasSize(1);
        assertThat(TestBroker.readAll(io.kabar.schemas.topics.Topics.ARTICLES).stream()
                        .filter(r -> r.value() != null
                                && r.value().getArticle().getTitle().equals(body.get("title")))
                        .count())
                .isEqualTo(1);
    }

    /** Sends the request to both instances from two threads released together; answers in instance order. */
    private static List<Http.Answer> onBothAtOnce(Function<ConfigurableApplicationContext, Http.Answer> request) {
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Http.Answer>> sent = List.of(first, second).stream()
                    .map(instance -> CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    go.await();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                                return request.apply(instance);
                            },
                            threads))
                    .toList();
            go.countDown();
            return sent.stream().map(CompletableFuture::join).toList();
        }
    }

    private static Http http(ConfigurableApplicationContext instance) {
        return new Http(port(instance)).bearer(TestTokens.writer());
    }

    private static int port(ConfigurableApplicationContext instance) {
        return ((WebServerApplicationContext) instance).getWebServer().getPort();
    }
}
