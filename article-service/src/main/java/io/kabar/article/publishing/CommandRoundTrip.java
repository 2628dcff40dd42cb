package io.kabar.article.publishing;

import io.kabar.article.ArticleServiceProperties;
import io.kabar.article.auth.NewsroomScopes;
import io.kabar.article.catalog.ArticleCatalog;
import io.kabar.platform.web.ApiProblem;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * One write's round trip: sends the command to the owner of its partition, waits (bounded) until its outcome is in
 * the log, shows the result in this instance's catalog and turns the outcome into the answer or its problem.
 */
final class CommandRoundTrip {

    private static final Logger LOG = LoggerFactory.getLogger(CommandRoundTrip.class);

    private final CommandLog log;
    private final PendingOutcomes outcomes;
    private final BooleanSupplier outcomesReadable;
    private final ArticleCatalog catalog;
    private final Clock clock;
    private final ArticleServiceProperties properties;
    private final MeterRegistry meters;

    CommandRoundTrip(
            CommandLog log,
            PendingOutcomes outcomes,
            BooleanSupplier outcomesReadable,
            ArticleCatalog catalog,
            Clock clock,
            ArticleServiceProperties properties,
            MeterRegistry meters) {
        this.log = log;
        this.outcomes = outcomes;
        this.outcomesReadable = outcomesReadable;
        this.catalog = catalog;
        this.clock = clock;
        this.properties = properties;
        this.meters = meters;
    }

    /** Sends the command, waits for its outcome until its deadline (and a grace), and answers it or its refusal. */
    Outcome submit(
            Command.Kind kind,
            String articleId,
            long expectedRevision,
            ArticleDraft draft,
            Caller caller,
            String key,
            String fingerprint,
            String reason) {
        Instant deadline = clock.instant().plus(properties.publishTimeout());
        Command command = new Command(
                UUID.randomUUID().toString(),
                kind,
                articleId,
                expectedRevision,
                draft,
                key,
                fingerprint,
                caller,
                deadline,
                reason);
        if (!outcomesReadable.getAsBoolean()) {
            throw unavailable("the outcome log is not reachable yet", true);
        }
        CompletableFuture<Outcome> answer = outcomes.expect(command.requestId());
        try {
            log.send(command);
            Duration wait = Duration.between(clock.instant(), deadline.plus(properties.confirmGrace()));
            Outcome outcome = answer.get(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
            if (outcome.article() != null) {
                catalog.apply(outcome.article());
            }
            return answered(command, outcome);
        } catch (CommandLog.Unavailable e) {
            throw unavailable(e.getMessage(), true);
        } catch (TimeoutException e) {
            throw unavailable("no outcome within " + properties.publishTimeout(), false);
        } catch (ExecutionException e) {
            throw new IllegalStateException("outcomes never fail", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while waiting for the outcome", false);
        } finally {
            outcomes.forget(command.requestId());
        }
    }

    private Outcome answered(Command command, Outcome outcome) {
        return switch (outcome.result()) {
            case APPLIED, REPLAYED -> outcome;
            case NOT_FOUND ->
                throw ApiProblem.notFound("No "
                        + (command.kind() == Command.Kind.TAKE_DOWN ? "" : "published ")
                        + "article has the id " + command.articleId() + ".");
            case STALE_REVISION -> throw stale(outcome.currentRevision(), command.expectedRevision());
            case KEY_REUSED -> throw keyReused();
            case BREAKING_NOT_ALLOWED ->
                throw NewsroomScopes.missing(
                        NewsroomScopes.BREAKING, "Marking an article breaking or its alert critical");
            case EXPIRED -> throw unavailable("the command reached its owner after its deadline", true);
        };
    }

    static ApiProblem stale(long current, long expected) {
        return ApiProblem.status(
                HttpStatus.PRECONDITION_FAILED,
                "Stale revision",
                "The article is at revision " + current + ", not " + expected
                        + "; fetch it again and reapply the change.");
    }

    static ApiProblem keyReused() {
        return ApiProblem.status(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "Idempotency-Key reused",
                "This Idempotency-Key was used for a different request.");
    }

    /**
     * 503 with Retry-After. {@code nothingWritten} when the command never reached the log or its owner refused it;
     * otherwise it may still have been applied, and the answer says how to find out.
     */
    private ApiProblem unavailable(String reason, boolean nothingWritten) {
        LOG.warn("write not confirmed: {}", reason);
        meters.counter("kabar.articles.writes.unavailable").increment();
        return ApiProblem.unavailable(
                nothingWritten
                        ? "The article could not be recorded because the event log is unreachable; nothing was written."
                        : "The change was sent but not confirmed in time; it took effect only if the article shows it"
                                + " (a retry with the same Idempotency-Key is safe).",
                properties.retryAfter());
    }
}
