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

    private final ArticleCatalog catalog = new ArticleCatalog();
    private final List<ArticleChange> log = new ArrayList<>();
    private final ArticleServiceProperties properties = new ArticleServiceProperties(
            "https://kabar.example", Duration.ofSeconds(5), Duration.ofSeconds(5), 20, 100);
    private final ArticlePublisher publisher = publisher((change, request) -> log.add(change));

    @Test
    void publishesTheFirstRevisionWithSlugUrlAndLeadAsSummary() {
        Article article = publisher
                .publish(draft("Kemenkeu terbitkan obligasi"), null, "f")
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
        Article first = publisher.publish(draft("Judul awal"), null, "f").article();

        Article second = publisher.update(first.id(), 1, draft("Judul yang diperbaiki"));

        assertThat(second.revision()).isEqualTo(2);
        assertThat(second.slug()).isEqualTo(first.slug());
        assertThat(second.publishedAt()).isEqualTo(first.publishedAt());
        assertThat(log)
                .extracting(ArticleChange::kind)
                .containsExactly(ArticleChange.Kind.PUBLISHED, ArticleChange.Kind.UPDATED);
    }

    @Test
    void refusesAStaleRevisionWithoutWriting() {
        Article first = publisher.publish(draft("Judul awal"), null, "f").article();
        publisher.update(first.id(), 1, draft("Judul kedua"));

        assertThatThrownBy(() -> publisher.update(first.id(), 1, draft("Judul ketiga")))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.status()).isEqualTo(HttpStatus.PRECONDITION_FAILED));
        assertThat(log).hasSize(2);
    }

    @Test
    void showsNothingAndFreesTheSlugWhenTheLogIsUnavailable() {
        ArticlePublisher failing = publisher((change, request) -> {
            throw new ArticleEventLog.Unavailable("broker down", null);
        });

        assertThatThrownBy(() -> failing.publish(draft("Tidak tercatat"), "key", "f"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(p.headers().getFirst("Retry-After")).isEqualTo("5");
                });
        assertThat(catalog.latest(null, null, null, 10)).isEmpty();
        assertThat(publisher
                        .publish(draft("Tidak tercatat"), "key", "f")
                        .article()
                        .slug())
                .isEqualTo("tidak-tercatat");
    }

    @Test
    void replaysTheFirstResultForARepeatedKeyAndRefusesAKeyReusedForAnotherRequest() {
        Article first = publisher
                .publish(draft("Satu kali saja"), "key-1", "fingerprint-a")
                .article();

        ArticlePublisher.Published again = publisher.publish(draft("Satu kali saja"), "key-1", "fingerprint-a");

        assertThat(again.replayed()).isTrue();
        assertThat(again.article()).isEqualTo(first);
        assertThat(log).hasSize(1);
        assertThatThrownBy(() -> publisher.publish(draft("Lain"), "key-1", "fingerprint-b"))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT));
    }

    @Test
    void unpublishesWithTheNextRevision() {
        Article first = publisher.publish(draft("Akan ditarik"), null, "f").article();

        Article gone = publisher.unpublish(first.id(), null);

        assertThat(gone.revision()).isEqualTo(2);
        assertThat(gone.status()).isEqualTo(Article.Status.UNPUBLISHED);
        assertThat(catalog.findPublished(first.id())).isEmpty();
        assertThatThrownBy(() -> publisher.unpublish(first.id(), null))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.status()).isEqualTo(HttpStatus.NOT_FOUND));
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
                false);
    }
}
