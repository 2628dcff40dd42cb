package io.kabar.article;

import static io.kabar.article.ArticleApiIT.article;
import static io.kabar.article.ArticleApiIT.lastEventOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.kabar.schemas.Article;
import io.kabar.testing.Http;
import io.kabar.testing.TestTokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "kabar.auth.public-key-location=${" + TestTokens.PUBLIC_KEY_LOCATION + "}",
            // The first transactions of a fresh context can take seconds on a loaded machine.
            "kabar.articles.publish-timeout=30s"
        })
class EditorialControlsIT {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port).bearer(TestTokens.writer());
    }

    @Test
    void carriesPinsExclusionAndStoryPackageOnTheArticleEvent() {
        String first = publish(article("Gempa mengguncang Cianjur pagi ini"));
        String second = publish(article("Korban gempa Cianjur bertambah"));
        Map<String, Object> body = with(
                article("Bantuan untuk korban gempa Cianjur tiba"),
                Map.of(
                        "relatedPins",
                        List.of(second, first),
                        "excludeFromRelated",
                        true,
                        "storyPackage",
                        "gempa-cianjur"));

        Http.Answer created = http.post("/api/articles", body, h -> {});

        assertThat(created.status()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.body())
                .containsEntry("relatedPins", List.of(second, first))
                .containsEntry("excludeFromRelated", true)
                .containsEntry("storyPackage", "gempa-cianjur");
        Article event = lastEventOf((String) created.get("id")).getArticle();
        assertThat(event.getRelatedPins()).containsExactly(second, first);
        assertThat(event.getExcludeFromRelated()).isTrue();
        assertThat(event.getStoryPackage()).isEqualTo("gempa-cianjur");
    }

    @Test
    void publishesWithoutEditorialFieldsAsNoPinsNotExcludedAndNoPackage() {
        Http.Answer created = http.post("/api/articles", article("Harga cabai naik menjelang lebaran"), h -> {});

        assertThat(created.body())
                .containsEntry("relatedPins", List.of())
                .containsEntry("excludeFromRelated", false)
                .doesNotContainKey("storyPackage");
        Article event = lastEventOf((String) created.get("id")).getArticle();
        assertThat(event.getRelatedPins()).isEmpty();
        assertThat(event.getExcludeFromRelated()).isFalse();
        assertThat(event.getStoryPackage()).isNull();
    }

    @Test
    void refusesPinsThatCouldNeverShowNamingThePin() {
        String published = publish(article("Timnas menang atas Vietnam"));
        String excluded = publish(with(article("Iklan: promo gawai akhir tahun"), Map.of("excludeFromRelated", true)));
        String unknown = UUID.randomUUID().toString();

        assertThat(pinning(List.of(published, unknown)).invalidFields()).containsExactly("relatedPins[1]");
        assertThat(pinning(List.of(published, published)).invalidFields()).containsExactly("relatedPins[1]");
        assertThat(pinning(List.of(excluded)).invalidFields()).containsExactly("relatedPins[0]");
        Http.Answer tooMany = pinning(List.of(published, published, published, published));
        assertThat(tooMany.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooMany.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(tooMany.invalidFields()).containsExactly("relatedPins");
    }

    @Test
    void refusesAnArticlePinningItselfOnEdit() {
        String id = publish(article("Banjir rob di pesisir utara Jakarta"));

        Http.Answer answer = http.put(
                "/api/articles/" + id,
                with(article("Banjir rob di pesisir utara Jakarta"), Map.of("relatedPins", List.of(id))),
                h -> h.setIfMatch("\"1\""));

        assertThat(answer.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.invalidFields()).containsExactly("relatedPins[0]");
    }

    @Test
    void refusesAStoryPackageNameThatIsNotASlug() {
        Http.Answer answer = http.post(
                "/api/articles",
                with(article("Debat capres malam ini"), Map.of("storyPackage", "Pemilu 2029!")),
                h -> {});

        assertThat(answer.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.invalidFields()).containsExactly("storyPackage");
    }

    private Http.Answer pinning(List<String> pins) {
        return http.post(
                "/api/articles", with(article("Artikel dengan sematan"), Map.of("relatedPins", pins)), h -> {});
    }

    private String publish(Map<String, Object> body) {
        Http.Answer created = http.post("/api/articles", body, h -> {});
        assertThat(created.status()).isEqualTo(HttpStatus.CREATED);
        return (String) created.get("id");
    }

    private static Map<String, Object> with(Map<String, Object> base, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(base);
        body.putAll(extra);
        return body;
    }
}
