package io.kabar.trending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.kabar.schemas.ArticleEventType;
import io.kabar.testing.Http;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/**
 * Through the ingest endpoint and the real broker: what a script can and cannot do to the rankings. The test's
 * clients come through a trusted proxy (this test itself), each with its own address in {@code X-Forwarded-For}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "kabar.web.trusted-proxies=127.0.0.1/32",
            "kabar.limits.rates.page-views.requests=" + GamingIT.REQUESTS_PER_HOUR,
            "kabar.limits.rates.page-views.per=1h"
        })
class GamingIT {

    static final int REQUESTS_PER_HOUR = 4;
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int CLIENT_CAP = 20;
    private static final int SESSION_CAP = 30;

    @LocalServerPort
    int port;

    @Test
    void scriptPostingThousandsOfInventedSessionsFromOneClientCannotLiftAnArticleAboveOneGenuinelyRead() {
        Http http = new Http(port);
        String category = "gaming-" + UUID.randomUUID();
        String gamed = UUID.randomUUID().toString();
        String genuine = UUID.randomUUID().toString();
        TestTopics.articleEvent(ArticleEventType.PUBLISHED, gamed, 1, "Iklan terselubung", category);
        TestTopics.articleEvent(ArticleEventType.PUBLISHED, genuine, 1, "Pemilu", category);
        Instant now = Instant.now();

        // The script: batches of 500 views of one article, each with an invented session, from one address, until
        // the endpoint's per-client limit refuses it.
        List<HttpStatus> answers = new ArrayList<>();
        for (int batch = 0; batch < REQUESTS_PER_HOUR + 2; batch++) {
            List<Map<String, Object>> views = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                views.add(view(gamed, "invented-" + batch + "-" + i, now));
            }
            answers.add(
                    HttpStatus.valueOf(post(http, "127.0.9.9", views).status().value()));
        }
        // 25 genuine readers, each from an address of their own.
        for (int reader = 0; reader < 25; reader++) {
            assertThat(post(http, "127.0.1." + (reader + 1), List.of(view(genuine, "reader-" + reader, now)))
                            .status()
                            .value())
                    .isEqualTo(202);
        }

        assertThat(answers.subList(0, REQUESTS_PER_HOUR)).containsOnly(HttpStatus.ACCEPTED);
        assertThat(answers.subList(REQUESTS_PER_HOUR, answers.size())).containsOnly(HttpStatus.TOO_MANY_REQUESTS);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(ranked(http, category))
                        .containsExactly(tuple(genuine, 25), tuple(gamed, CLIENT_CAP)));
    }

    @Test
    void sessionWalkingAHundredArticlesInAMinuteCountsInOnlyTheSessionCapOfThem() {
        Http http = new Http(port);
        String category = "crawler-" + UUID.randomUUID();
        List<Map<String, Object>> walk = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < 100; i++) {
            String article = UUID.randomUUID().toString();
            TestTopics.articleEvent(ArticleEventType.PUBLISHED, article, 1, "Berita " + i, category);
            walk.add(view(article, "crawler", now));
        }

        assertThat(post(http, "127.0.2.1", walk).status().value()).isEqualTo(202);

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(ranked(http, category))
                        .hasSize(SESSION_CAP)
                        .allSatisfy(t -> assertThat(t.toList().get(1)).isEqualTo(1)));
    }

    private static Http.Answer post(Http http, String clientAddress, List<Map<String, Object>> views) {
        return http.post("/api/page-views", views, h -> h.set("X-Forwarded-For", clientAddress));
    }

    private static Map<String, Object> view(String articleId, String sessionId, Instant at) {
        return Map.of("articleId", articleId, "sessionId", sessionId, "viewedAt", at.toString());
    }

    @SuppressWarnings("unchecked")
    private static List<Tuple> ranked(Http http, String category) {
        Http.Answer answer = http.get("/api/trending?window=1h&limit=50&category=" + category);
        assertThat(answer.status()).isEqualTo(HttpStatus.OK);
        return ((List<Map<String, Object>>) answer.get("articles"))
                .stream().map(m -> tuple(m.get("articleId"), m.get("views"))).toList();
    }
}
