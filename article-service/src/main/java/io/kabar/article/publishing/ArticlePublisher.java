package io.kabar.article.publishing;

import io.kabar.article.catalog.AlertUrgency;
import io.kabar.article.catalog.Article;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decides the newsroom's commands as the owner of their partition applies them, one at a time: assigns revisions,
 * slugs and URLs, checks revisions, the breaking scope and idempotency keys against what the owner knows, and says
 * which change (if any) to record and what to answer; takes articles down. Pure: the owner records the decision.
 */
final class ArticlePublisher {

    private final String baseUrl;

    ArticlePublisher(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * A change to record (with the completed request of a keyed publish), or none; the outcome to answer; and, for a
     * takedown, the Idempotency-Keys whose completed requests (which hold the article's text) to tombstone.
     */
    record Decision(
            Outcome outcome,
            Optional<ArticleChange> change,
            Optional<CompletedRequest> completed,
            List<String> forgotten) {

        Decision(Outcome outcome, Optional<ArticleChange> change, Optional<CompletedRequest> completed) {
            this(outcome, change, completed, List.of());
        }

        static Decision refused(Command command, Outcome.Result result) {
            return new Decision(Outcome.of(command, result), Optional.empty(), Optional.empty());
        }

        Decision withCompleted(Optional<CompletedRequest> request) {
            return new Decision(outcome, change, request, forgotten);
        }

        Decision withForgotten(List<String> keys) {
            return new Decision(outcome, change, completed, List.copyOf(keys));
        }
    }

    Decision decide(Command command, OwnerState state, Instant now) {
        if (now.isAfter(command.deadline())) {
            return Decision.refused(command, Outcome.Result.EXPIRED);
        }
        return switch (command.kind()) {
            case PUBLISH -> publish(command, state, now);
            case UPDATE -> change(command, state, now);
            case UNPUBLISH -> change(command, state, now);
            case TAKE_DOWN -> takeDown(command, state, now);
        };
    }

    private Decision publish(Command command, OwnerState state, Instant now) {
        ArticleDraft draft = command.draft();
        if ((draft.breaking() || draft.critical()) && !command.caller().mayMarkBreaking()) {
            return Decision.refused(command, Outcome.Result.BREAKING_NOT_ALLOWED);
        }
        if (command.idempotencyKey() != null) {
            Optional<CompletedRequest> earlier = state.completed(command.idempotencyKey());
            if (earlier.isPresent()) {
                return earlier.get().fingerprint().equals(command.fingerprint())
                        ? new Decision(
                                new Outcome(
                                        command.requestId(),
                                        Outcome.Result.REPLAYED,
                                        earlier.get().article(),
                                        0),
                                Optional.empty(),
                                Optional.empty())
                        : Decision.refused(command, Outcome.Result.KEY_REUSED);
            }
        }
        String id = command.articleId();
        String slug = Slugs.of(draft.title());
        if (state.slugTaken(slug)) {
            slug = Slugs.disambiguated(slug, id);
        }
        Article article = draft.published(
                id, 1, slug, baseUrl + "/" + slug, draft.publishedAt() == null ? now : draft.publishedAt(), now);
        Optional<CompletedRequest> completed = Optional.ofNullable(command.idempotencyKey())
                .map(key -> new CompletedRequest(key, command.fingerprint(), article, now));
        return applied(command, new ArticleChange(ArticleChange.Kind.PUBLISHED, article, now, subject(command)))
                .withCompleted(completed);
    }

    /**
     * Replaces an article's content or unpublishes it. Turning {@code breaking} on, or its alert critical, needs
     * {@code articles:breaking}; keeping either or turning it off does not, since that sends no alert.
     */
    private Decision change(Command command, OwnerState state, Instant now) {
        Optional<Article> found = state.article(command.articleId()).filter(Article::isPublished);
        if (found.isEmpty()) {
            return Decision.refused(command, Outcome.Result.NOT_FOUND);
        }
        Article current = found.get();
        if (current.revision() != command.expectedRevision()) {
            return new Decision(
                    new Outcome(command.requestId(), Outcome.Result.STALE_REVISION, null, current.revision()),
                    Optional.empty(),
                    Optional.empty());
        }
        if (command.kind() == Command.Kind.UNPUBLISH) {
            Article next = current.unpublished(current.revision() + 1, now);
            return applied(command, new ArticleChange(ArticleChange.Kind.UNPUBLISHED, next, now, subject(command)));
        }
        ArticleDraft draft = command.draft();
        boolean turnsOn = (draft.breaking() && !current.breaking())
                || (draft.critical() && current.alertUrgency() != AlertUrgency.CRITICAL);
        if (turnsOn && !command.caller().mayMarkBreaking()) {
            return Decision.refused(command, Outcome.Result.BREAKING_NOT_ALLOWED);
        }
        Article next = draft.published(
                current.id(),
                current.revision() + 1,
                current.slug(),
                current.url(),
                draft.publishedAt() == null ? current.publishedAt() : draft.publishedAt(),
                now);
        return applied(command, new ArticleChange(ArticleChange.Kind.UPDATED, next, now, subject(command)));
    }

    /**
     * Takes the article down whatever its revision (no If-Match: a legal order concerns the article, not a version of
     * it) and whether or not it is published; one already taken down is no longer known.
     */
    private Decision takeDown(Command command, OwnerState state, Instant now) {
        Optional<Article> found = state.article(command.articleId()).filter(a -> !a.isTakenDown());
        if (found.isEmpty()) {
            return Decision.refused(command, Outcome.Result.NOT_FOUND);
        }
        Article stripped = found.get().takenDown(found.get().revision() + 1, now);
        return applied(command, new ArticleChange(ArticleChange.Kind.TAKEN_DOWN, stripped, now, subject(command)))
                .withForgotten(state.requestsCreating(command.articleId()));
    }

    private static Decision applied(Command command, ArticleChange change) {
        return new Decision(
                new Outcome(command.requestId(), Outcome.Result.APPLIED, change.article(), 0),
                Optional.of(change),
                Optional.empty());
    }

    private static String subject(Command command) {
        return command.caller().subject();
    }
}
