package io.kabar.article.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kabar.article.ArticleServiceProperties;
import io.kabar.article.catalog.Article;
import io.kabar.article.catalog.ArticleCatalog;
import io.kabar.platform.web.ApiProblem;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ArticlePublisherTest {

    private static final Instant NOW = Instant.parse("2025-10-10T06:41:00Z");
    private static final Caller WRITER = new Caller("penulis-1", false);
    private static final Caller EDITOR = new Caller("redaktur-1", true);

    private final ArticleCatalog catalog = new ArticleCatalog();
    private final List<ArticleChange> log = new ArrayList<>();
    private final ArticleServiceProperties properties = new ArticleServiceProperties(
            "https://kabar.example", Duration.ofSeconds(5), Duration.ofSeconds(5), 20, 100);
    private final ArticlePublisher publisher = publisher((change, request) -> log.add(change));

    @Test
    void publishesTheFirstRevisionWithSlugUrlAndLeadAsSummary() {
        Article article = publisher
                .publish(draft("Kemenkeu terbitkan obligasi"), WRITER, null, "f")
                .article();

        assertThat(article.revision()).isEqualTo(1);
        assertThat(article.slug()).isEqualTo("kemenkeu-terbitkan-obligasi");
        assertThat(article.url()).isEqualTo("https://kabar.example/kemenkeu-terbitkan-obligasi");
        assertThat(article.summary()).isEqualTo("Paragraf pembuka.");
        assertThat(article.publishedAt()).isEqualTo(NOW);
        assertThat(log).extracting(ArticleChange::kind).containsExactly(ArticleChange.Kind.PUBLISHED);
        assertThat(catalog.findPublished(article.id())).contains(article);
    }

    @Test
    void publishesUpdatedEventWithNextRevisionKeepingSlugAndPublicationTime() {
        Article first =
                publisher.publish(draft("Judul awal"), WRITER, null, "f").article();

        Article second = publisher.update(first.id(), 1, draft("Judul yang diperbaiki"), WRITER);

        assertThat(second.revision()).isEqualTo(2);
        assertThat(second.slug()).isEqualTo(first.slug());
        assertThat(second.publishedAt()).isEqualTo(first.publishedAt());
        assertThat(log)
                .extracting(ArticleChange::kind)
                .containsExactly(ArticleChange.Kind.PUBLISHED, ArticleChange.Kind.UPDATED);
    }

    @Test
    void refusesAStaleRevisionWithoutWriting() {
        Article first =
                publisher.publish(draft("Judul awal"), WRITER, null, "f").article();
        publisher.update(first.id(), 1, draft("Judul kedua"), WRITER);

        assertThatThrownBy(() -> publisher.update(first.id(), 1, draft("Judul ketiga"), WRITER))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.status()).isEqualTo(HttpStatus.PRECONDITION_FAILED));
        assertThat(log).hasSize(2);
    }

    @Test
    void showsNothingAndFreesTheSlugWhenTheLogIsUnavailable() {
        ArticlePublisher failing = publisher((change, request) -> {
            throw new ArticleEventLog.Unavailable("broker down", null);
        });

        assertThatThrownBy(() -> failing.publish(draft("Tidak tercatat"), WRITER, "key", "f"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(p.headers().getFirst("Retry-After")).isEqualTo("5");
                });
        assertThat(catalog.latest(null, null, null, 10)).isEmpty();
        assertThat(publisher
                        .publish(draft("Tidak tercatat"), WRITER, "key", "f")
                        .article()
                        .slug())
                .isEqualTo("tidak-tercatat");
    }

    @Test
    void replaysTheFirstResultForARepeatedKeyAndRefusesAKeyReusedForAnotherRequest() {
        Article first = publisher
                .publish(draft("Satu kali saja"), WRITER, "key-1", "fingerprint-a")
                .article();

        ArticlePublisher.Published again = publisher.publish(draft("Satu kali saja"), WRITER, "key-1", "fingerprint-a");

        assertThat(again.replayed()).isTrue();
        assertThat(again.article()).isEqualTo(first);
        assertThat(log).hasSize(1);
        assertThatThrownBy(() -> publisher.publish(draft("Lain"), WRITER, "key-1", "fingerprint-b"))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT));
    }

    @Test
    void unpublishesWithTheNextRevision() {
        Article first =
                publisher.publish(draft("Akan ditarik"), WRITER, null, "f").article();

        Article gone = publisher.unpublish(first.id(), 1, WRITER);

        assertThat(gone.revision()).isEqualTo(2);
        assertThat(gone.status()).isEqualTo(Article.Status.UNPUBLISHED);
        assertThat(catalog.findPublished(first.id())).isEmpty();
        assertThatThrownBy(() -> publisher.unpublish(first.id(), 2, WRITER))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.status()).isEqualTo(HttpStatus.NOT_FOUND));
    }

    @Test
    void recordsTheCallerAsWhoMadeEachChange() {
        Article first = publisher
                .publish(draft("Siapa yang menulis"), WRITER, null, "f")
                .article();
        publisher.update(first.id(), 1, draft("Siapa yang menyunting"), EDITOR);

        assertThat(log).extracting(ArticleChange::changedBy).containsExactly("penulis-1", "redaktur-1");
    }

    @Test
    void letsOnlyAnEditorPublishABreakingArticle() {
        assertThatThrownBy(() -> publisher.publish(breaking("Gempa besar"), WRITER, null, "f"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.FORBIDDEN);
                    assertThat(p.getMessage()).contains("articles:breaking");
                });
        assertThat(log).isEmpty();

        assertThat(publisher
                        .publish(breaking("Gempa besar"), EDITOR, null, "f")
                        .article()
                        .breaking())
                .isTrue();
    }

    @Test
    void letsOnlyAnEditorTurnBreakingOnInAnEdit() {
        Article calm =
                publisher.publish(draft("Hujan deras"), WRITER, null, "f").article();

        assertThatThrownBy(() -> publisher.update(calm.id(), 1, breaking("Banjir bandang"), WRITER))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.status()).isEqualTo(HttpStatus.FORBIDDEN));
        assertThat(publisher
                        .update(calm.id(), 1, breaking("Banjir bandang"), EDITOR)
                        .breaking())
                .isTrue();
    }

    @Test
    void letsAWriterEditABreakingArticleWithoutAlertingAgain() {
        Article alert =
                publisher.publish(breaking("Gempa besar"), EDITOR, null, "f").article();

        Article fixed = publisher.update(alert.id(), 1, breaking("Gempa besar di Cianjur"), WRITER);
        Article calmed = publisher.update(alert.id(), 2, draft("Gempa di Cianjur"), WRITER);

        assertThat(fixed.breaking()).isTrue();
        assertThat(calmed.breaking()).isFalse();
    }

    private ArticlePublisher publisher(ArticleEventLog eventLog) {
        return new ArticlePublisher(
                catalog,
                new IdempotencyLedger(),
                eventLog,
                Clock.fixed(NOW, ZoneOffset.UTC),
                properties,
                new SimpleMeterRegistry());
    }

    private static ArticleDraft draft(String title) {
        return draft(title, false);
    }

    private static ArticleDraft breaking(String title) {
        return draft(title, true);
    }

    private static ArticleDraft draft(String title, boolean breaking) {
        return new ArticleDraft(
                title,
                null,
                List.of("Paragraf pembuka.", "Paragraf kedua."),
                "id",
                "Ekonomi",
                List.of("obligasi"),
                "Redaksi",
                null,
                null,
                null,
                null,
                breaking);
    }
}
