package io.kabar.article.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kabar.article.catalog.AlertUrgency;
import io.kabar.article.catalog.Article;
import io.kabar.article.catalog.ArticleCatalog;
import io.kabar.article.catalog.Editorial;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How the owner of a partition decides commands, one after another, against what it knows. */
class ArticlePublisherTest {

    private static final Instant NOW = Instant.parse("2025-10-10T06:41:00Z");
    private static final Caller WRITER = new Caller("penulis-1", false);
    private static final Caller EDITOR = new Caller("redaktur-1", true);

    private final ArticleCatalog catalog = new ArticleCatalog();
    private final IdempotencyLedger ledger =
            new IdempotencyLedger(Duration.ofDays(7), Clock.fixed(NOW, ZoneOffset.UTC));
    private final List<ArticleChange> log = new ArrayList<>();
    private final ArticlePublisher publisher = new ArticlePublisher("https://kabar.example");

    @Test
    void publishesTheFirstRevisionWithSlugUrlAndLeadAsSummary() {
        Article article = applied(publish(draft("Kemenkeu terbitkan obligasi"), WRITER, null, "f"));

        assertThat(article.revision()).isEqualTo(1);
        assertThat(article.slug()).isEqualTo("kemenkeu-terbitkan-obligasi");
        assertThat(article.url()).isEqualTo("https://kabar.example/kemenkeu-terbitkan-obligasi");
        assertThat(article.summary()).isEqualTo("Paragraf pembuka.");
        assertThat(article.publishedAt()).isEqualTo(NOW);
        assertThat(log).extracting(ArticleChange::kind).containsExactly(ArticleChange.Kind.PUBLISHED);
        assertThat(catalog.findPublished(article.id())).contains(article);
    }

    @Test
    void givesASecondArticleWithTheSameTitleAnotherSlugInTheSameBatchToo() {
        BatchState batch = new BatchState(catalog, ledger);
        Command first = publish(draft("Banjir Jakarta"), WRITER, null, "f");
        Command second = publish(draft("Banjir Jakarta"), WRITER, null, "f");
        batch.add(publisher.decide(first, batch, NOW));
        batch.add(publisher.decide(second, batch, NOW));
        batch.committed();
        Article third = applied(publish(draft("Banjir Jakarta"), WRITER, null, "f"));

        assertThat(catalog.find(first.articleId()).orElseThrow().slug()).isEqualTo("banjir-jakarta");
        assertThat(catalog.find(second.articleId()).orElseThrow().slug())
                .isEqualTo(Slugs.disambiguated("banjir-jakarta", second.articleId()));
        assertThat(third.slug()).isEqualTo(Slugs.disambiguated("banjir-jakarta", third.id()));
    }

    @Test
    void publishesUpdatedEventWithNextRevisionKeepingSlugAndPublicationTime() {
        Article first = applied(publish(draft("Judul awal"), WRITER, null, "f"));

        Article second = applied(update(first.id(), 1, draft("Judul yang diperbaiki"), WRITER));

        assertThat(second.revision()).isEqualTo(2);
        assertThat(second.slug()).isEqualTo(first.slug());
        assertThat(second.publishedAt()).isEqualTo(first.publishedAt());
        assertThat(log)
                .extracting(ArticleChange::kind)
                .containsExactly(ArticleChange.Kind.PUBLISHED, ArticleChange.Kind.UPDATED);
    }

    @Test
    void refusesAStaleRevisionWithoutWriting() {
        Article first = applied(publish(draft("Judul awal"), WRITER, null, "f"));
        applied(update(first.id(), 1, draft("Judul kedua"), WRITER));

        Outcome stale = decide(update(first.id(), 1, draft("Judul ketiga"), WRITER));

        assertThat(stale.result()).isEqualTo(Outcome.Result.STALE_REVISION);
        assertThat(stale.currentRevision()).isEqualTo(2);
        assertThat(log).hasSize(2);
    }

    @Test
    void replaysTheFirstResultForARepeatedKeyAndRefusesAKeyReusedForAnotherRequest() {
        Article first = applied(publish(draft("Satu kali saja"), WRITER, "key-1", "fingerprint-a"));

        Outcome again = decide(publish(draft("Satu kali saja"), WRITER, "key-1", "fingerprint-a"));

        assertThat(again.result()).isEqualTo(Outcome.Result.REPLAYED);
        assertThat(again.article()).isEqualTo(first);
        assertThat(log).hasSize(1);
        assertThat(decide(publish(draft("Lain"), WRITER, "key-1", "fingerprint-b"))
                        .result())
                .isEqualTo(Outcome.Result.KEY_REUSED);
    }

    @Test
    void forgetsAKeyWhoseRecordIsOlderThanItsTopicKeepsIt() {
        Article old = applied(publish(draft("Kunci lama"), WRITER, null, "f"));
        ledger.record(new CompletedRequest("key-old", "f", old, NOW.minus(Duration.ofDays(8))));
        ledger.record(new CompletedRequest("key-recent", "f", old, NOW.minus(Duration.ofDays(6))));

        Outcome reused = decide(publish(draft("Kunci lama"), WRITER, "key-old", "f"));

        assertThat(reused.result()).isEqualTo(Outcome.Result.APPLIED);
        assertThat(reused.article().id()).isNotEqualTo(old.id());
        assertThat(ledger.find("key-recent")).isPresent();
    }

    @Test
    void unpublishesWithTheNextRevision() {
        Article first = applied(publish(draft("Akan ditarik"), WRITER, null, "f"));

        Article gone = applied(unpublish(first.id(), 1, WRITER));

        assertThat(gone.revision()).isEqualTo(2);
        assertThat(gone.status()).isEqualTo(Article.Status.UNPUBLISHED);
        assertThat(catalog.findPublished(first.id())).isEmpty();
        assertThat(decide(unpublish(first.id(), 2, WRITER)).result()).isEqualTo(Outcome.Result.NOT_FOUND);
    }

    @Test
    void recordsTheCallerAsWhoMadeEachChange() {
        Article first = applied(publish(draft("Siapa yang menulis"), WRITER, null, "f"));
        applied(update(first.id(), 1, draft("Siapa yang menyunting"), EDITOR));

        assertThat(log).extracting(ArticleChange::changedBy).containsExactly("penulis-1", "redaktur-1");
    }

    @Test
    void letsOnlyAnEditorPublishABreakingArticle() {
        assertThat(decide(publish(breaking("Gempa besar"), WRITER, null, "f")).result())
                .isEqualTo(Outcome.Result.BREAKING_NOT_ALLOWED);
        assertThat(log).isEmpty();

        assertThat(applied(publish(breaking("Gempa besar"), EDITOR, null, "f")).breaking())
                .isTrue();
    }

    @Test
    void letsOnlyAnEditorTurnBreakingOnInAnEdit() {
        Article calm = applied(publish(draft("Hujan deras"), WRITER, null, "f"));

        assertThat(decide(update(calm.id(), 1, breaking("Banjir bandang"), WRITER))
                        .result())
                .isEqualTo(Outcome.Result.BREAKING_NOT_ALLOWED);
        assertThat(applied(update(calm.id(), 1, breaking("Banjir bandang"), EDITOR))
                        .breaking())
                .isTrue();
    }

    @Test
    void letsOnlyAnEditorMakeAnAlertCriticalAndKeepsItAcrossEditsAndUnpublishing() {
        assertThat(decide(publish(critical("Tsunami"), WRITER, null, "f")).result())
                .isEqualTo(Outcome.Result.BREAKING_NOT_ALLOWED);
        Article calm = applied(publish(breaking("Gempa"), EDITOR, null, "f"));
        assertThat(calm.alertUrgency()).isEqualTo(AlertUrgency.NORMAL);

        assertThat(decide(update(calm.id(), 1, critical("Gempa dan tsunami"), WRITER))
                        .result())
                .isEqualTo(Outcome.Result.BREAKING_NOT_ALLOWED);
        Article critical = applied(update(calm.id(), 1, critical("Gempa dan tsunami"), EDITOR));
        Article kept = applied(update(calm.id(), 2, critical("Gempa dan tsunami di Palu"), WRITER));
        Article gone = applied(unpublish(calm.id(), 3, WRITER));

        assertThat(critical.alertUrgency()).isEqualTo(AlertUrgency.CRITICAL);
        assertThat(kept.alertUrgency()).isEqualTo(AlertUrgency.CRITICAL);
        assertThat(gone.alertUrgency()).isEqualTo(AlertUrgency.CRITICAL);
    }

    @Test
    void letsAWriterEditABreakingArticleWithoutAlertingAgain() {
        Article alert = applied(publish(breaking("Gempa besar"), EDITOR, null, "f"));

        Article fixed = applied(update(alert.id(), 1, breaking("Gempa besar di Cianjur"), WRITER));
        Article calmed = applied(update(alert.id(), 2, draft("Gempa di Cianjur"), WRITER));

        assertThat(fixed.breaking()).isTrue();
        assertThat(calmed.breaking()).isFalse();
    }

    @Test
    void appliesNothingPastTheCommandsDeadline() {
        Command late = new Command(
                "r",
                Command.Kind.PUBLISH,
                UUID.randomUUID().toString(),
                0,
                draft("Terlambat"),
                null,
                null,
                WRITER,
                NOW.minusMillis(1),
                null);

        assertThat(decide(late).result()).isEqualTo(Outcome.Result.EXPIRED);
        assertThat(log).isEmpty();
    }

    @Test
    void takesAnUnpublishedArticleDownStrippedOfItsTextForgettingItsRequestsAndFreeingItsSlug() {
        Article first = applied(publish(draft("Skandal pribadi"), WRITER, "kunci-1", "f"));
        applied(unpublish(first.id(), 1, WRITER));

        ArticlePublisher.Decision decision = publisher.decide(takeDown(first.id(), EDITOR), state(), NOW);
        commit(decision);

        Article stripped = decision.outcome().article();
        assertThat(decision.outcome().result()).isEqualTo(Outcome.Result.APPLIED);
        assertThat(decision.change().orElseThrow().kind()).isEqualTo(ArticleChange.Kind.TAKEN_DOWN);
        assertThat(decision.forgotten()).containsExactly("kunci-1");
        assertThat(stripped.revision()).isEqualTo(3);
        assertThat(stripped.isPublished()).isFalse();
        assertThat(stripped.isTakenDown()).isTrue();
        assertThat(List.of(stripped.title(), stripped.slug(), stripped.url(), stripped.author()))
                .containsOnly("");
        assertThat(stripped.paragraphs()).isEmpty();
        assertThat(stripped.tags()).isEmpty();
        assertThat(stripped.summary()).isNull();
        assertThat(ledger.find("kunci-1")).isEmpty();
        assertThat(catalog.slugOwner("skandal-pribadi")).isEmpty();
        assertThat(applied(publish(draft("Skandal pribadi"), WRITER, null, "g")).slug())
                .isEqualTo("skandal-pribadi");
    }

    @Test
    void takesDownWhateverRevisionIsCurrentButNotTwiceNorAnUnknownArticle() {
        Article first = applied(publish(draft("Berita keliru"), WRITER, null, "f"));
        applied(update(first.id(), 1, draft("Berita keliru, diralat"), WRITER));

        assertThat(decide(takeDown(first.id(), EDITOR)).result()).isEqualTo(Outcome.Result.APPLIED);
        assertThat(decide(takeDown(first.id(), EDITOR)).result()).isEqualTo(Outcome.Result.NOT_FOUND);
        assertThat(decide(takeDown(UUID.randomUUID().toString(), EDITOR)).result())
                .isEqualTo(Outcome.Result.NOT_FOUND);
        assertThat(decide(update(first.id(), 3, draft("Kembali?"), WRITER)).result())
                .isEqualTo(Outcome.Result.NOT_FOUND);
    }

    @Test
    void forgetsTheRequestOfAnArticlePublishedAndTakenDownInOneBatch() {
        BatchState batch = new BatchState(catalog, ledger);
        Command published = publish(draft("Sekejap"), WRITER, "kunci-2", "f");
        batch.add(publisher.decide(published, batch, NOW));
        ArticlePublisher.Decision takedown = publisher.decide(takeDown(published.articleId(), EDITOR), batch, NOW);
        batch.add(takedown);
        batch.committed();

        assertThat(takedown.forgotten()).containsExactly("kunci-2");
        assertThat(batch.completed("kunci-2")).isEmpty();
        assertThat(ledger.find("kunci-2")).isEmpty();
        assertThat(batch.slugTaken("sekejap")).isFalse();
    }

    private BatchState state() {
        return new BatchState(catalog, ledger);
    }

    private void commit(ArticlePublisher.Decision decision) {
        BatchState batch = state();
        batch.add(decision);
        batch.committed();
    }

    private static Command takeDown(String id, Caller caller) {
        return new Command(
                UUID.randomUUID().toString(),
                Command.Kind.TAKE_DOWN,
                id,
                0,
                null,
                null,
                null,
                caller,
                NOW.plusSeconds(5),
                "putusan pengadilan");
    }

    /** Decides one command as a batch of its own and commits it, as the owner does. */
    private Outcome decide(Command command) {
        BatchState batch = new BatchState(catalog, ledger);
        ArticlePublisher.Decision decision = publisher.decide(command, batch, NOW);
        batch.add(decision);
        batch.committed();
        decision.change().ifPresent(log::add);
        return decision.outcome();
    }

    private Article applied(Command command) {
        Outcome outcome = decide(command);
        assertThat(outcome.result()).isEqualTo(Outcome.Result.APPLIED);
        return outcome.article();
    }

    private static Command publish(ArticleDraft draft, Caller caller, String key, String fingerprint) {
        return command(Command.Kind.PUBLISH, UUID.randomUUID().toString(), 0, draft, caller, key, fingerprint);
    }

    private static Command update(String id, long revision, ArticleDraft draft, Caller caller) {
        return command(Command.Kind.UPDATE, id, revision, draft, caller, null, null);
    }

    private static Command unpublish(String id, long revision, Caller caller) {
        return command(Command.Kind.UNPUBLISH, id, revision, null, caller, null, null);
    }

    private static Command command(
            Command.Kind kind,
            String id,
            long revision,
            ArticleDraft draft,
            Caller caller,
            String key,
            String fingerprint) {
        return new Command(
                UUID.randomUUID().toString(),
                kind,
                id,
                revision,
                draft,
                key,
                fingerprint,
                caller,
                NOW.plusSeconds(5),
                null);
    }

    private static ArticleDraft draft(String title) {
        return draft(title, false);
    }

    private static ArticleDraft breaking(String title) {
        return draft(title, true);
    }

    private static ArticleDraft critical(String title) {
        ArticleDraft d = draft(title, true);
        return new ArticleDraft(
                d.title(),
                d.summary(),
                d.paragraphs(),
                d.language(),
                d.category(),
                d.tags(),
                d.author(),
                d.editor(),
                d.source(),
                d.imageUrl(),
                d.publishedAt(),
                true,
                d.editorial(),
                AlertUrgency.CRITICAL);
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
                breaking,
                Editorial.NONE,
                null);
    }
}
