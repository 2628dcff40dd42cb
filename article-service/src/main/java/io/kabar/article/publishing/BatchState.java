package io.kabar.article.publishing;

import io.kabar.article.catalog.Article;
import io.kabar.article.catalog.ArticleCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an owner knows while it decides one batch of commands: the catalog and ledger, overlaid with the decisions of
 * the batch so far, which the catalog and ledger take in only once the batch's transaction has committed.
 */
final class BatchState implements OwnerState {

    private final ArticleCatalog catalog;
    private final IdempotencyLedger ledger;
    private final Map<String, Article> articles = new HashMap<>();
    private final Map<String, String> slugs = new HashMap<>();
    private final Map<String, CompletedRequest> requests = new HashMap<>();
    private final List<ArticlePublisher.Decision> decisions = new ArrayList<>();

    BatchState(ArticleCatalog catalog, IdempotencyLedger ledger) {
        this.catalog = catalog;
        this.ledger = ledger;
    }

    @Override
    public Optional<Article> article(String id) {
        Article pending = articles.get(id);
        return pending != null ? Optional.of(pending) : catalog.find(id);
    }

    @Override
    public boolean slugTaken(String slug) {
        return slugs.containsKey(slug) || catalog.slugOwner(slug).isPresent();
    }

    @Override
    public Optional<CompletedRequest> completed(String key) {
        CompletedRequest pending = requests.get(key);
        return pending != null ? Optional.of(pending) : ledger.find(key);
    }

    /** Takes in one decision, so that the batch's later commands see it. */
    void add(ArticlePublisher.Decision decision) {
        decisions.add(decision);
        decision.change().ifPresent(change -> {
            articles.put(change.article().id(), change.article());
            slugs.put(change.article().slug(), change.article().id());
        });
        decision.completed().ifPresent(request -> requests.put(request.key(), request));
    }

    List<ArticlePublisher.Decision> decisions() {
        return decisions;
    }

    /** After the commit: the catalog and ledger hold what the batch recorded. */
    void committed() {
        for (ArticlePublisher.Decision decision : decisions) {
            decision.change().ifPresent(change -> catalog.apply(change.article()));
            decision.completed().ifPresent(ledger::record);
        }
    }
}
