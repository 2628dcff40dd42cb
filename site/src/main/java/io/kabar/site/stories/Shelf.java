package io.kabar.site.stories;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Predicate;

/**
 * Every story the site may show, by id and by slug, and the published ones newest first; fed from
 * {@code news.articles}, keeping withdrawn stories so that their pages can answer 410 rather than 404. A taken-down
 * story (its slug stripped, then its tombstone) leaves nothing: its page answers 404, as after a restart.
 */
public final class Shelf {

    private static final Comparator<Story> NEWEST_FIRST =
            Comparator.comparing(Story::publishedAt).reversed().thenComparing(Story::id);

    private final Map<String, Story> byId = new ConcurrentHashMap<>();
    private final Map<String, Story> bySlug = new ConcurrentHashMap<>();
    private final NavigableSet<Story> published = new ConcurrentSkipListSet<>(NEWEST_FIRST);
    /** Published stories per category; changed only under the lock, read as a copy. */
    private final Map<String, Integer> perCategory = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    private volatile List<String> categories = List.of();

    /** Takes in a revision; an older or repeated one changes nothing. */
    public synchronized void apply(Story story) {
        Story current = byId.get(story.id());
        if (current != null && current.revision() >= story.revision()) {
            return;
        }
        unlist(current);
        byId.put(story.id(), story);
        if (current != null && !current.slug().equals(story.slug())) {
            // Only a takedown changes a slug (to none): the old page must not keep the old text.
            bySlug.remove(current.slug(), current);
        }
        if (!story.slug().isEmpty()) {
            bySlug.put(story.slug(), story);
        }
        if (story.published()) {
            published.add(story);
            perCategory.merge(story.category(), 1, Integer::sum);
        }
        categories = List.copyOf(perCategory.keySet());
    }

    /** Forgets a story whose tombstone the log carries (after a takedown). */
    public synchronized void remove(String id) {
        Story current = byId.remove(id);
        if (current != null) {
            unlist(current);
            bySlug.remove(current.slug(), current);
            categories = List.copyOf(perCategory.keySet());
        }
    }

    private void unlist(Story current) {
        if (current != null && published.remove(current)) {
            perCategory.merge(current.category(), -1, (a, b) -> a + b == 0 ? null : a + b);
        }
    }

    /** The story at this slug in whatever state it is, withdrawn included. */
    public Optional<Story> bySlug(String slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    /** The published story with this id. */
    public Optional<Story> publishedById(String id) {
        return Optional.ofNullable(byId.get(id)).filter(Story::published);
    }

    /** Published stories newest first that pass the filter, skipping {@code offset} of them. */
    public List<Story> latest(Predicate<Story> filter, int offset, int limit) {
        return published.stream().filter(filter).skip(offset).limit(limit).toList();
    }

    /** The newest published stories. */
    public List<Story> latest(int limit) {
        return latest(s -> true, 0, limit);
    }

    /** The categories that have published stories, in alphabetical order. */
    public List<String> categories() {
        return categories;
    }

    public static Predicate<Story> inCategory(String category) {
        return s -> s.category().equalsIgnoreCase(category);
    }

    public static Predicate<Story> taggedWith(String tag) {
        return s -> s.tags().stream().anyMatch(tag::equalsIgnoreCase);
    }
}
