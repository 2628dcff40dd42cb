package io.kabar.article.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The read model of every article, rebuilt from {@code news.articles} at start and kept current by its events and
 * by this instance's own writes; stale or repeated revisions are ignored, so both may arrive in any order. A tombstone
 * (after a takedown) removes an article.
 */
public final class ArticleCatalog {

    /** Newest first; the id breaks ties so that two articles published in the same millisecond both stay listed. */
    static final Comparator<Article> NEWEST_FIRST =
            Comparator.comparing(Article::publishedAt).reversed().thenComparing(Article::id);

    private final Map<String, Article> byId = new ConcurrentHashMap<>();
    private final Map<String, String> idBySlug = new ConcurrentHashMap<>();
    private final NavigableSet<Article> published = new ConcurrentSkipListSet<>(NEWEST_FIRST);

    /** Takes in a revision of an article; answers false if the catalog already holds that revision or a newer one. */
    public synchronized boolean apply(Article article) {
        Article current = byId.get(article.id());
        if (current != null && current.revision() >= article.revision()) {
            return false;
        }
        if (current != null) {
            published.remove(current);
            if (!current.slug().equals(article.slug())) {
                // Only a takedown changes a slug (to none): the slug, made from the title, goes with it.
                idBySlug.remove(current.slug(), article.id());
            }
        }
        byId.put(article.id(), article);
        if (!article.isTakenDown()) {
            idBySlug.put(article.slug(), article.id());
        }
        if (article.isPublished()) {
            published.add(article);
        }
        return true;
    }

    /**
     * Forgets the article entirely, as its tombstone in the log says (after a takedown); its slug is free again. The
     * catalog then answers for it as for an id it never saw.
     */
    public synchronized void remove(String id) {
        Article current = byId.remove(id);
        if (current != null) {
            published.remove(current);
            idBySlug.remove(current.slug(), id);
        }
    }

    /** The article in whatever state it is, unpublished and taken down included. */
    public Optional<Article> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<Article> findPublished(String id) {
        return find(id).filter(Article::isPublished);
    }

    /** The id of the article that holds the slug (unpublished articles keep theirs), if any. */
    public Optional<String> slugOwner(String slug) {
        return Optional.ofNullable(idBySlug.get(slug));
    }

    /** Published articles newest first, filtered, after {@code cursor} in that order when given. */
    public List<Article> latest(String category, String tag, Cursor cursor, int limit) {
        NavigableSet<Article> after = cursor == null ? published : published.tailSet(cursor.probe(), false);
        return after.stream()
                .filter(a -> category == null || a.category().equalsIgnoreCase(category))
                .filter(a -> tag == null || a.tags().stream().anyMatch(tag::equalsIgnoreCase))
                .limit(limit)
                .toList();
    }

    public int size() {
        return byId.size();
    }
}
