package io.kabar.article.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kabar.article.ArticleServiceProperties;
import io.kabar.article.catalog.Article;
import io.kabar.article.catalog.ArticleCatalog;
import io.kabar.article.catalog.Editorial;
import io.kabar.platform.web.ApiProblem;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The requester's side of a write: what it answers for each outcome, and when no outcome can come. */
class ArticleCommandsTest {

    private static final Caller WRITER = new Caller("penulis-1", false);

    private final ArticleCatalog catalog = new ArticleCatalog();
    private final IdempotencyLedger ledger = new IdempotencyLedger(Duration.ofDays(7), Clock.systemUTC());
    private final PendingOutcomes pending = new PendingOutcomes();
    private final List<Command> sent = new ArrayList<>();
    private final ArticleServiceProperties properties = new ArticleServiceProperties(
            "https://kabar.example",
            Duration.ofMillis(200),
            Duration.ofSeconds(7),
            Duration.ofMillis(100),
            Duration.ofSeconds(1),
            20,
            100);

    @Test
    void answersWithTheOwnersArticleAndShowsItInThisInstancesCatalog() {
        ArticleCommands commands = commands(command -> {
            sent.add(command);
            pending.complete(new Outcome(command.requestId(), Outcome.Result.APPLIED, article(command.articleId()), 0));
        });

        ArticleCommands.Published published = commands.publish(draft(), WRITER, null, "f");

        assertThat(published.replayed()).isFalse();
        assertThat(sent).singleElement().extracting(Command::kind).isEqualTo(Command.Kind.PUBLISH);
        assertThat(catalog.findPublished(published.article().id())).contains(published.article());
    }

    @Test
    void answersAStaleRevisionWith412NamingTheCurrentOne() {
        ArticleCommands commands = commands(
                command -> pending.complete(new Outcome(command.requestId(), Outcome.Result.STALE_REVISION, null, 3)));

        assertThatThrownBy(() -> commands.update("a", 2, draft(), WRITER))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
                    assertThat(p.getMessage()).contains("revision 3");
                });
    }

    @Test
    void answers503WithRetryAfterAndNothingWrittenWhenTheLogIsUnreachable() {
        ArticleCommands commands = commands(command -> {
            throw new CommandLog.Unavailable("broker down", null);
        });

        assertThatThrownBy(() -> commands.publish(draft(), WRITER, "key", "f"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(p.headers().getFirst("Retry-After")).isEqualTo("7");
                    assertThat(p.getMessage()).contains("nothing was written");
                });
    }

    @Test
    void answers503SayingTheChangeMayHaveTakenEffectWhenNoOutcomeComes() {
        ArticleCommands commands = commands(sent::add);

        assertThatThrownBy(() -> commands.publish(draft(), WRITER, "key", "f"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(p.getMessage()).contains("same Idempotency-Key");
                });
        assertThat(sent).hasSize(1);
    }

    @Test
    void replaysAKeyThisInstanceKnowsWithoutAskingTheOwner() {
        Article first = article("a");
        ledger.record(new CompletedRequest("key", "f", first, Instant.now()));
        ArticleCommands commands = commands(sent::add);

        ArticleCommands.Published again = commands.publish(draft(), WRITER, "key", "f");

        assertThat(again.replayed()).isTrue();
        assertThat(again.article()).isEqualTo(first);
        assertThat(sent).isEmpty();
        assertThatThrownBy(() -> commands.publish(draft(), WRITER, "key", "other"))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT));
    }

    @Test
    void refusesATakedownWithoutTheEditorsScopeBeforeSendingAnything() {
        ArticleCommands commands = commands(sent::add);

        assertThatThrownBy(() -> commands.takeDown("a", null, WRITER)).isInstanceOfSatisfying(ApiProblem.class, p -> {
            assertThat(p.status()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(p.getMessage()).contains("articles:breaking");
        });
        assertThat(sent).isEmpty();
    }

    @Test
    void sendsATakedownWithItsReasonAndShowsTheStrippedArticleInThisInstancesCatalog() {
        Article current = article("a");
        catalog.apply(current);
        ArticleCommands commands = commands(command -> {
            sent.add(command);
            pending.complete(
                    new Outcome(command.requestId(), Outcome.Result.APPLIED, current.takenDown(2, Instant.now()), 0));
        });

        commands.takeDown("a", "putusan pengadilan", new Caller("redaktur-1", true));

        assertThat(sent).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Command.Kind.TAKE_DOWN);
            assertThat(c.reason()).isEqualTo("putusan pengadilan");
            var onTheLog = CommandRecords.toAvro(c);
            // An owner older than ArticleCommand v2 sees an UNPUBLISH of revision 0: stale, nothing written.
            assertThat(onTheLog.getCommandType()).isEqualTo(io.kabar.schemas.ArticleCommandType.UNPUBLISH);
            assertThat(onTheLog.getExpectedRevision()).isNull();
            assertThat(CommandRecords.fromAvro(onTheLog).kind()).isEqualTo(Command.Kind.TAKE_DOWN);
        });
        assertThat(catalog.findPublished("a")).isEmpty();
        assertThat(catalog.slugOwner("judul")).isEmpty();
    }

    private ArticleCommands commands(CommandLog log) {
        return new ArticleCommands(
                log, pending, () -> true, catalog, ledger, Clock.systemUTC(), properties, new SimpleMeterRegistry());
    }

    private static ArticleDraft draft() {
        return new ArticleDraft(
                "Judul",
                null,
                List.of("Isi."),
                "id",
                "Ekonomi",
                List.of(),
                "Redaksi",
                null,
                null,
                null,
                null,
                false,
                Editorial.NONE,
                null);
    }

    private static Article article(String id) {
        Instant at = Instant.parse("2025-10-01T00:00:00Z");
        return draft().published(id, 1, "judul", "https://kabar.example/judul", at, at);
    }
}
