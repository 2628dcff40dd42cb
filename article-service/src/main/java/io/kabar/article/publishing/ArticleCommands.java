package io.kabar.article.publishing;

import io.kabar.article.ArticleServiceProperties;
import io.kabar.article.auth.NewsroomScopes;
import io.kabar.article.catalog.Article;
import io.kabar.article.catalog.ArticleCatalog;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * The requester's side of a write, on whichever instance the request reaches: checks what this instance can check
 * (scopes, pins, a known stale revision) and has the command's round trip to the owner of its partition
 * ({@link CommandRoundTrip}) answer the rest. A retried keyed publish that this instance already knows is answered at
 * once.
 */
final class ArticleCommands {

    private final ArticleCatalog catalog;
    private final IdempotencyLedger ledger;
    private final CommandRoundTrip roundTrip;

    ArticleCommands(
            CommandLog log,
            PendingOutcomes outcomes,
            BooleanSupplier outcomesReadable,
            ArticleCatalog catalog,
            IdempotencyLedger ledger,
            Clock clock,
            ArticleServiceProperties properties,
            MeterRegistry meters) {
        this.catalog = catalog;
        this.ledger = ledger;
        this.roundTrip = new CommandRoundTrip(log, outcomes, outcomesReadable, catalog, clock, properties, meters);
    }

    /** The outcome of a publish request; {@code replayed} when an earlier request with the same key answered it. */
    record Published(Article article, boolean replayed) {}

    Published publish(ArticleDraft draft, Caller caller, String idempotencyKey, String fingerprint) {
        if (draft.breaking() && !caller.mayMarkBreaking()) {
            throw NewsroomScopes.missing(NewsroomScopes.BREAKING, "Publishing an article as breaking");
        }
        if (draft.critical() && !caller.mayMarkBreaking()) {
            throw NewsroomScopes.missing(NewsroomScopes.BREAKING, "Setting alertUrgency critical");
        }
        Optional<CompletedRequest> known = Optional.ofNullable(idempotencyKey).flatMap(ledger::find);
        if (known.isEmpty()) {
            PinChecks.check(catalog, null, draft.editorial());
        }
        if (known.isPresent()) {
            if (!known.get().fingerprint().equals(fingerprint)) {
                throw CommandRoundTrip.keyReused();
            }
            return new Published(known.get().article(), true);
        }
        Outcome outcome = roundTrip.submit(
                Command.Kind.PUBLISH,
                UUID.randomUUID().toString(),
                0,
                draft,
                caller,
                idempotencyKey,
                fingerprint,
                null);
        return new Published(outcome.article(), outcome.result() == Outcome.Result.REPLAYED);
    }

    /** Replaces an article's content; the revision check and the breaking scope are the owner's to decide. */
    Article update(String id, long expectedRevision, ArticleDraft draft, Caller caller) {
        refuseIfKnownStale(id, expectedRevision);
        PinChecks.check(catalog, id, draft.editorial());
        return roundTrip
                .submit(Command.Kind.UPDATE, id, expectedRevision, draft, caller, null, null, null)
                .article();
    }

    Article unpublish(String id, long expectedRevision, Caller caller) {
        refuseIfKnownStale(id, expectedRevision);
        return roundTrip
                .submit(Command.Kind.UNPUBLISH, id, expectedRevision, null, caller, null, null, null)
                .article();
    }

    /**
     * A legal takedown: editors only, of whatever revision is current, published or not. The owner records a
     * content-free {@code UNPUBLISHED} event, a tombstone, and tombstones for the article's idempotency records.
     */
    void takeDown(String id, String reason, Caller caller) {
        if (!caller.mayMarkBreaking()) {
            throw NewsroomScopes.missing(NewsroomScopes.BREAKING, "Taking an article down");
        }
        roundTrip.submit(Command.Kind.TAKE_DOWN, id, 0, null, caller, null, null, reason);
    }

    /** Revisions only grow: one newer than the If-Match here is newer everywhere, so no owner needs asking. */
    private void refuseIfKnownStale(String id, long expectedRevision) {
        catalog.findPublished(id).filter(a -> a.revision() > expectedRevision).ifPresent(a -> {
            throw CommandRoundTrip.stale(a.revision(), expectedRevision);
        });
    }
}
