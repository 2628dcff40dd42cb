package io.kabar.article.publishing;

import io.kabar.article.ArticleServiceProperties;
import io.kabar.article.auth.NewsroomScopes;
import io.kabar.article.catalog.Article;
import io.kabar.article.catalog.ArticleCatalog;
import io.kabar.platform.web.ApiProblem;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Turns the newsroom's requests into article changes: assigns ids, revisions, slugs and URLs, checks revisions and
 * idempotency keys, records each change in the log and only then shows it in the catalog.
 */
final class ArticlePublisher {

    private static final Logger LOG = LoggerFactory.getLogger(ArticlePublisher.class);
    private static final int LOCK_STRIPES = 64;

    private final ArticleCatalog catalog;
    private final IdempotencyLedger ledger;
    private final ArticleEventLog log;
    private final Clock clock;
    private final ArticleServiceProperties properties;
    private final MeterRegistry meters;
    private final Object[] locks = new Object[LOCK_STRIPES];

    ArticlePublisher(
            ArticleCatalog catalog,
            IdempotencyLedger ledger,
            ArticleEventLog log,
            Clock clock,
            ArticleServiceProperties properties,
            MeterRegistry meters) {
        this.catalog = catalog;
        this.ledger = ledger;
        this.log = log;
        this.clock = clock;
        this.properties = properties;
        this.meters = meters;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /** The outcome of a publish request; {@code replayed} when an earlier request with the same key answered it. */
    record Published(Article article, boolean replayed) {}

    Published publish(ArticleDraft draft, Caller caller, String idempotencyKey, String fingerprint) {
        if (draft.breaking() && !caller.mayMarkBreaking()) {
            throw NewsroomScopes.missing(NewsroomScopes.BREAKING, "Publishing an article as breaking");
        }
        if (idempotencyKey == null) {
            return new Published(publishNew(draft, caller, null), false);
        }
        Optional<Published> earlier = replay(idempotencyKey, fingerprint);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (!ledger.claim(idempotencyKey)) {
            throw ApiProblem.status(
                    HttpStatus.CONFLICT,
                    "Request in progress",
                    "A request with this Idempotency-Key is still being processed; retry shortly.");
        }
        try {
            return replay(idempotencyKey, fingerprint)
                    .orElseGet(() -> new Published(
                            publishNew(draft, caller, new KeyedRequest(idempotencyKey, fingerprint)), false));
        } finally {
            ledger.release(idempotencyKey);
        }
    }

    private Optional<Published> replay(String key, String fingerprint) {
        return ledger.find(key).map(done -> {
            if (!done.fingerprint().equals(fingerprint)) {
                throw ApiProblem.status(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "Idempotency-Key reused",
                        "This Idempotency-Key was used for a different request.");
            }
            return new Published(done.article(), true);
        });
    }

    private record KeyedRequest(String key, String fingerprint) {}

    private Article publishNew(ArticleDraft draft, Caller caller, KeyedRequest keyed) {
        Instant now = now();
        String id = UUID.randomUUID().toString();
        String slug = Slugs.of(draft.title());
        if (!catalog.claimSlug(slug, id)) {
            slug = Slugs.disambiguated(slug, id);
            catalog.claimSlug(slug, id);
        }
        Article article = new Article(
                id,
                1,
                slug,
                properties.baseUrl() + "/" + slug,
                draft.title(),
                draft.summaryOrLead(),
                draft.paragraphs(),
                draft.language(),
                draft.category(),
                draft.tags(),
                draft.author(),
                draft.editor(),
                draft.source(),
                draft.imageUrl(),
                draft.publishedAt() == null ? now : draft.publishedAt(),
                now,
                draft.breaking(),
                Article.Status.PUBLISHED);
        Optional<CompletedRequest> completed =
                Optional.ofNullable(keyed).map(k -> new CompletedRequest(k.key(), k.fingerprint(), article, now));
        try {
            record(new ArticleChange(ArticleChange.Kind.PUBLISHED, article, now, caller.subject()), completed);
        } catch (ApiProblem unavailable) {
            catalog.releaseSlug(slug, id);
            throw unavailable;
        }
        completed.ifPresent(ledger::record);
        return article;
    }

    /**
     * Replaces an article's content. Turning {@code breaking} on needs {@code articles:breaking}; keeping it on or
     * turning it off does not, since neither sends an alert.
     */
    Article update(String id, long expectedRevision, ArticleDraft draft, Caller caller) {
        synchronized (lockFor(id)) {
            Article current = current(id, expectedRevision);
            if (draft.breaking() && !current.breaking() && !caller.mayMarkBreaking()) {
                throw NewsroomScopes.missing(NewsroomScopes.BREAKING, "Marking an article breaking");
            }
            Instant now = now();
            Article next = new Article(
                    id,
                    current.revision() + 1,
                    current.slug(),
                    current.url(),
                    draft.title(),
                    draft.summaryOrLead(),
                    draft.paragraphs(),
                    draft.language(),
                    draft.category(),
                    draft.tags(),
                    draft.author(),
                    draft.editor(),
                    draft.source(),
                    draft.imageUrl(),
                    draft.publishedAt() == null ? current.publishedAt() : draft.publishedAt(),
                    now,
                    draft.breaking(),
                    Article.Status.PUBLISHED);
            record(new ArticleChange(ArticleChange.Kind.UPDATED, next, now, caller.subject()), Optional.empty());
            return next;
        }
    }

    Article unpublish(String id, long expectedRevision, Caller caller) {
        synchronized (lockFor(id)) {
            Article current = current(id, expectedRevision);
            Instant now = now();
            Article next = current.unpublished(current.revision() + 1, now);
            record(new ArticleChange(ArticleChange.Kind.UNPUBLISHED, next, now, caller.subject()), Optional.empty());
            return next;
        }
    }

    private Article current(String id, long expectedRevision) {
        Article current = catalog.findPublished(id)
                .orElseThrow(() -> ApiProblem.notFound("No published article has the id " + id + "."));
        if (current.revision() != expectedRevision) {
            throw ApiProblem.status(
                    HttpStatus.PRECONDITION_FAILED,
                    "Stale revision",
                    "The article is at revision " + current.revision() + ", not " + expectedRevision
                            + "; fetch it again and reapply the change.");
        }
        return current;
    }

    private void record(ArticleChange change, Optional<CompletedRequest> request) {
        try {
            log.append(change, request);
        } catch (ArticleEventLog.Unavailable e) {
            LOG.warn("article {} not recorded: {}", change.article().id(), e.getMessage());
            meters.counter("kabar.articles.writes.unavailable").increment();
            throw ApiProblem.unavailable(
                    "The article could not be recorded because the event log is unreachable; " + "nothing was written.",
                    properties.retryAfter());
        }
        catalog.apply(change.article());
        meters.counter("kabar.articles.events", "type", change.kind().name()).increment();
    }

    /** The lock every change of the article is made under; a takedown takes it too. */
    Object lockFor(String id) {
        return locks[Math.floorMod(id.hashCode(), LOCK_STRIPES)];
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
