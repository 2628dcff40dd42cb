package io.kabar.article;

import static org.assertj.core.api.Assertions.assertThat;

import io.kabar.schemas.AlertUrgency;
import io.kabar.schemas.ArticleEvent;
import io.kabar.testing.Http;
import io.kabar.testing.TestTokens;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** The newsroom API as a resource server: who may write what, answered as problems with bearer challenges. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "kabar.auth.public-key-location=${" + TestTokens.PUBLIC_KEY_LOCATION + "}"
        })
class NewsroomAuthIT {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    Http anonymous;
    Http writer;
    Http editor;

    @BeforeEach
    void connect() {
        anonymous = new Http(port);
        writer = anonymous.bearer(TestTokens.token("penulis-ayu", "articles:write"));
        editor = anonymous.bearer(TestTokens.token("redaktur-budi", "articles:write", "articles:breaking"));
    }

    @Test
    void refusesAWriteWithoutATokenWithABearerChallengeAndAProblem() {
        Http.Answer answer = anonymous.post("/api/articles", ArticleApiIT.article("Tanpa token"));

        assertThat(answer.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(answer.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .startsWith("Bearer")
                .doesNotContain("error=");
        assertThat(answer.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.body())
                .containsEntry("status", 401)
                .containsEntry("type", "https://kabar.example/problems/unauthorized");
        assertThat((String) answer.get("detail")).contains("Authorization: Bearer");
    }

    @Test
    void refusesATokenSignedByAnUntrustedKeyAsInvalid() {
        Http.Answer answer =
                anonymous.bearer(TestTokens.untrusted()).post("/api/articles", ArticleApiIT.article("Token palsu"));

        assertThat(answer.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(answer.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .startsWith("Bearer")
                .contains("error=\"invalid_token\"");
        assertThat(answer.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.body()).containsEntry("type", "https://kabar.example/problems/unauthorized");
    }

    @Test
    void refusesAMalformedTokenAsInvalid() {
        Http.Answer answer = anonymous.bearer("not-a-jwt").delete("/api/articles/x", h -> h.setIfMatch("\"1\""));

        assertThat(answer.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(answer.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).contains("error=\"invalid_token\"");
    }

    @Test
    void refusesAValidTokenWithoutTheWriteScopeNamingIt() {
        Http.Answer answer = anonymous
                .bearer(TestTokens.token("pembaca", "profile"))
                .post("/api/articles", ArticleApiIT.article("Tanpa izin menulis"));

        assertThat(answer.status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(answer.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).contains("error=\"insufficient_scope\"");
        assertThat(answer.body()).containsEntry("type", "https://kabar.example/problems/insufficient-scope");
        assertThat((String) answer.get("detail")).contains("articles:write");
    }

    @Test
    void refusesAWriterWhoPublishesABreakingArticleNamingTheEditorScope() {
        Http.Answer answer = writer.post("/api/articles", breaking("Gempa magnitudo 7 guncang Maluku"));

        assertThat(answer.status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(answer.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .contains("error=\"insufficient_scope\"")
                .contains("scope=\"articles:breaking\"");
        assertThat(answer.body()).containsEntry("type", "https://kabar.example/problems/insufficient-scope");
        assertThat((String) answer.get("detail")).contains("articles:breaking");
    }

    @Test
    void letsAnEditorPublishABreakingArticleAndRecordsWhoDid() {
        Http.Answer created = editor.post("/api/articles", breaking("Gunung Lewotobi kembali erupsi"));

        assertThat(created.status()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.body()).containsEntry("breaking", true);
        ArticleEvent event = ArticleApiIT.lastEventOf((String) created.get("id"));
        assertThat(event.getArticle().getBreaking()).isTrue();
        assertThat(event.getChangedBy()).isEqualTo("redaktur-budi");
    }

    @Test
    void refusesAWriterWhoTurnsBreakingOnInAnEdit() {
        String id = (String) writer.post("/api/articles", ArticleApiIT.article("Hujan deras di Bogor"))
                .get("id");

        Http.Answer answer =
                writer.put("/api/articles/" + id, breaking("Banjir bandang di Bogor"), h -> h.setIfMatch("\"1\""));

        assertThat(answer.status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) answer.get("detail")).contains("articles:breaking");
        assertThat(ArticleApiIT.eventsOf(id, 1)).hasSize(1);
    }

    @Test
    void refusesAWriterWhoSetsAlertUrgencyCriticalNamingTheEditorScope() {
        Map<String, Object> body = new HashMap<>(ArticleApiIT.article("Tsunami peringatan dini di Sulawesi"));
        body.put("alertUrgency", "critical");

        Http.Answer answer = writer.post("/api/articles", body);

        assertThat(answer.status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) answer.get("detail")).contains("articles:breaking");
    }

    @Test
    void refusesAWriterWhoTurnsAlertUrgencyCriticalInAnEdit() {
        String id = (String) writer.post("/api/articles", ArticleApiIT.article("Angin kencang di Kupang"))
                .get("id");
        Map<String, Object> body = new HashMap<>(ArticleApiIT.article("Angin kencang di Kupang"));
        body.put("alertUrgency", "critical");

        Http.Answer answer = writer.put("/api/articles/" + id, body, h -> h.setIfMatch("\"1\""));

        assertThat(answer.status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(ArticleApiIT.eventsOf(id, 1)).hasSize(1);
    }

    @Test
    void letsAnEditorMarkAnAlertCriticalAndRecordsItOnTheEvent() {
        Map<String, Object> body = new HashMap<>(breaking("Gempa magnitudo 7,4 di Papua"));
        body.put("alertUrgency", "critical");

        Http.Answer created = editor.post("/api/articles", body);

        assertThat(created.status()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.body()).containsEntry("alertUrgency", "critical");
        ArticleEvent event = ArticleApiIT.lastEventOf((String) created.get("id"));
        assertThat(event.getArticle().getAlertUrgency()).isEqualTo(AlertUrgency.CRITICAL);
    }

    @Test
    void answersNormalAlertUrgencyByDefaultAndRefusesAnUnknownOneNamingTheField() {
        Http.Answer created = writer.post("/api/articles", ArticleApiIT.article("Harga cabai naik"));
        Map<String, Object> body = new HashMap<>(ArticleApiIT.article("Harga bawang naik"));
        body.put("alertUrgency", "urgent");

        Http.Answer refused = writer.post("/api/articles", body);

        assertThat(created.body()).containsEntry("alertUrgency", "normal");
        assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.body().toString()).contains("alertUrgency");
    }

    @Test
    void recordsWhoEditedAndWhoUnpublished() {
        String id = (String) editor.post("/api/articles", breaking("Kebakaran hutan di Riau"))
                .get("id");

        Http.Answer edited = writer.put(
                "/api/articles/" + id, breaking("Kebakaran hutan meluas di Riau"), h -> h.setIfMatch("\"1\""));
        Http.Answer gone = writer.delete("/api/articles/" + id, h -> h.setIfMatch("\"2\""));

        assertThat(edited.status()).isEqualTo(HttpStatus.OK);
        assertThat(gone.status()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(ArticleApiIT.eventsOf(id, 3))
                .extracting(ArticleEvent::getChangedBy)
                .containsExactly("redaktur-budi", "penulis-ayu", "penulis-ayu");
    }

    @Test
    void requiresIfMatchToUnpublishAndRefusesAStaleOne() {
        String id = (String) writer.post("/api/articles", ArticleApiIT.article("Berita yang hampir ditarik"))
                .get("id");

        Http.Answer unconditional = writer.delete("/api/articles/" + id);
        Http.Answer stale = writer.delete("/api/articles/" + id, h -> h.setIfMatch("\"7\""));

        assertThat(unconditional.status()).isEqualTo(HttpStatus.PRECONDITION_REQUIRED);
        assertThat(unconditional.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(stale.status()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat(anonymous.get("/api/articles/" + id).status()).isEqualTo(HttpStatus.OK);
        assertThat(ArticleApiIT.eventsOf(id, 1)).hasSize(1);
    }

    @Test
    void keepsReadsAndHealthOpenToEveryone() {
        String id = (String) writer.post("/api/articles", ArticleApiIT.article("Berita untuk semua pembaca"))
                .get("id");

        assertThat(anonymous.get("/api/articles/" + id).status()).isEqualTo(HttpStatus.OK);
        assertThat(anonymous.get("/api/articles?limit=1").status()).isEqualTo(HttpStatus.OK);
        assertThat(new Http(managementPort).get("/actuator/health/readiness").status())
                .isEqualTo(HttpStatus.OK);
    }

    private static Map<String, Object> breaking(String title) {
        Map<String, Object> body = new HashMap<>(ArticleApiIT.article(title));
        body.put("breaking", true);
        return body;
    }
}
