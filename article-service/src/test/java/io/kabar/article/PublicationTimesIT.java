package io.kabar.article;

import static org.assertj.core.api.Assertions.assertThat;

import io.kabar.testing.Http;
import io.kabar.testing.TestTokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/** Publication times as the contract holds them (milliseconds), and "Terkini" pages through articles sharing one. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "kabar.auth.public-key-location=${" + TestTokens.PUBLIC_KEY_LOCATION + "}"
        })
class PublicationTimesIT {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port).bearer(TestTokens.writer());
    }

    @Test
    void pagesThroughArticlesThatShareAPublicationTimeWithoutSkippingOrRepeatingAny() {
        String category = "Serentak-" + UUID.randomUUID();
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Http.Answer created =
                    http.post("/api/articles", at("Berita serentak " + i, category, "2025-10-01T08:00:00Z"));
            assertThat(created.status()).isEqualTo(HttpStatus.CREATED);
            published.add((String) created.get("id"));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Http.Answer page = http.get(
                    "/api/articles?limit=2&category=" + category + (cursor == null ? "" : "&before=" + cursor));
            assertThat(page.status()).isEqualTo(HttpStatus.OK);
            page.list("articles").forEach(a -> seen.add((String) a.get("id")));
            cursor = (String) page.body().get("nextBefore");
        } while (cursor != null);

        assertThat(seen).hasSize(5).containsExactlyInAnyOrderElementsOf(published);
    }

    @Test
    void refusesAPublicationTimeBeyondTheContractsRangeNamingTheField() {
        Http.Answer answer =
                http.post("/api/articles", at("Dari masa depan jauh", "Sains", "+300000000-01-01T00:00:00Z"));

        assertThat(answer.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.invalidFields()).containsExactly("publishedAt");
        assertThat((String) answer.get("type")).isEqualTo("https://kabar.example/problems/bad-request");
    }

    @Test
    void answersAPublicationTimeWithMicrosecondsAsTheEventRecordsIt() {
        Http.Answer created = http.post("/api/articles", at("Tepat waktu", "Sains", "2025-10-01T08:00:00.123456Z"));

        assertThat(created.status()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.get("publishedAt")).isEqualTo("2025-10-01T08:00:00.123Z");
        Instant recorded = ArticleApiIT.lastEventOf((String) created.get("id"))
                .getArticle()
                .getPublishedAt();
        assertThat(recorded).isEqualTo(Instant.parse((String) created.get("publishedAt")));
    }

    @Test
    void givesEveryProblemATypeUri() {
        String id = (String) http.post("/api/articles", at("Versi pertama", "Sains", "2025-10-01T08:00:00Z"))
                .get("id");
        http.put("/api/articles/" + id, at("Versi kedua", "Sains", "2025-10-01T08:00:00Z"), h -> h.setIfMatch("\"1\""));

        Http.Answer stale = http.put(
                "/api/articles/" + id, at("Versi basi", "Sains", "2025-10-01T08:00:00Z"), h -> h.setIfMatch("\"1\""));
        Http.Answer missing = http.get("/api/articles/" + UUID.randomUUID());

        assertThat(stale.status()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat((String) stale.get("type")).isEqualTo("https://kabar.example/problems/precondition-failed");
        assertThat((String) missing.get("type")).isEqualTo("https://kabar.example/problems/not-found");
    }

    private static Map<String, Object> at(String title, String category, String publishedAt) {
        Map<String, Object> body = new HashMap<>(ArticleApiIT.article(title, category));
        body.put("publishedAt", publishedAt);
        return body;
    }
}
