package io.kabar.article.publishing;

import io.kabar.article.catalog.Article;
import io.kabar.article.catalog.ArticleCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What an owner knows while it decides one batch of commands: the catalog and ledger, overlaid with the decisions of
 * the batch so far, which the catalog and ledger take in only once the batch's transaction has committed.
 */
final class BatchState implements OwnerState {

    private final ArticleCatalog catalog;
    private final IdempotencyLedger ledger;
    private final Map<String, Article> articles = new HashMap<>();
    private final Map<String, String> slugs = new HashMap<>();
    private final Set<String> freedSlugs = new HashSet<>();
    private final Map<String, CompletedRequest> requests = new HashMap<>();
    private final Set<String> forgotten = new HashSet<>();
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
        return slugs.containsKey(slug)
                || (!freedSlugs.contains(slug) && catalog.slugOwner(slug).isPresent());
    }

    @Override
    public Optional<CompletedRequest> completed(String key) {
        if (forgotten.contains(key)) {
            return Optional.empty();
        }
        CompletedRequest pending = requests.get(key);
        return pending != null ? Optional.of(pending) : ledger.find(key);
    }

    @Override
    public List<String> requestsCreating(String articleId) {
        return Stream.concat(
                        requests.values().stream()
                                .filter(r -> r.article().id().equals(articleId))
                                .map(CompletedRequest::key),
                        ledger.keysCreating(articleId).stream())
                .filter(key -> !forgotten.contains(key))
                .distinct()
                .toList();
    }

    /** Takes in one decision, so that the batch's later commands see it. */
    void add(ArticlePublisher.Decision decision) {
        decisions.add(decision);
        decision.change().ifPresent(change -> {
            Article next = change.article();
            // A takedown strips the slug: the title it was made from must not outlive the article.
            article(next.id())
                    .map(Article::slug)
                    .filter(s -> !s.equals(next.slug()))
                    .ifPresent(old -> {
                        slugs.remove(old);
                        freedSlugs.add(old);
                    });
            articles.put(next.id(), next);
            if (!next.isTakenDown()) {
                slugs.put(next.slug(), next.id());
            }
        });
        decision.completed().ifPresent(request -> requests.put(request.key(), request));
        forgotten.addAll(decision.forgotten());
    }

    List<ArticlePublisher.Decision> decisions() {
        return decisions;
    }

    /** After the commit: the catalog and ledger hold what the batch recorded. */
    void committed() {
        for (ArticlePublisher.Decision decision : decisions) {
            decision.change().ifPresent(change -> catalog.apply(change.article()));
            decision.completed().ifPresent(ledger::record);
            decision.forgotten().forEach(ledger::forget);
        }
    }
}
