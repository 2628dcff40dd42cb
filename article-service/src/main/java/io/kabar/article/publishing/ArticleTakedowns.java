package io.kabar.article.publishing;

import io.kabar.article.auth.NewsroomScopes;
import io.kabar.article.catalog.Article;
import io.kabar.article.catalog.ArticleCatalog;
import io.kabar.platform.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Legal takedowns: {@code POST /api/articles/{id}/takedown} removes an article, published or already unpublished, from
 * the log itself (see {@link KafkaArticleEventLog#takeDown}). It needs the editor's scope {@code articles:breaking}
 * and no If-Match: a takedown applies to whatever revision is current.
 */
@RestController
class ArticleTakedowns {

    private final ArticlePublisher publisher;
    private final ArticleCatalog catalog;
    private final IdempotencyLedger ledger;
    private final KafkaArticleEventLog log;
    private final Clock clock;

    ArticleTakedowns(
            ArticlePublisher publisher,
            ArticleCatalog catalog,
            IdempotencyLedger ledger,
            KafkaArticleEventLog log,
            Clock clock) {
        this.publisher = publisher;
        this.catalog = catalog;
        this.ledger = ledger;
        this.log = log;
        this.clock = clock;
    }

    @PostMapping("/api/articles/{id}/takedown")
    ResponseEntity<Void> takeDown(@PathVariable String id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (!caller.mayMarkBreaking()) {
            throw NewsroomScopes.missing(NewsroomScopes.BREAKING, "Taking an article down");
        }
        synchronized (publisher.lockFor(id)) {
            Article current =
                    catalog.find(id).orElseThrow(() -> ApiProblem.notFound("No article has the id " + id + "."));
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Article stripped = current.takenDown(current.revision() + 1, now);
            List<String> requests = ledger.keysOf(id);
            try {
                log.takeDown(
                        new ArticleChange(ArticleChange.Kind.UNPUBLISHED, stripped, now, caller.subject()), requests);
            } catch (ArticleEventLog.Unavailable e) {
                throw ApiProblem.status(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "Event log unreachable",
                        "The takedown could not be recorded; nothing was written. Try again.");
            }
            catalog.apply(stripped);
            requests.forEach(ledger::forget);
        }
        return ResponseEntity.noContent().build();
    }
}
