package io.kabar.trending.ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The most viewed articles of one ranking in one counting window, most viewed first and capped in length.
 *
 * <p>Keeping only the head is exact because a window's counts only grow and every update carries the article's full
 * count: an article outside the head re-enters with its next view. Removals are the exception, which is why more
 * articles are retained than shown.
 */
record Leaderboard(List<Entry> entries) {

    static final Leaderboard EMPTY = new Leaderboard(List.of());

    /** Ties go to the lower id so that every replica and replay ranks alike. */
    private static final Comparator<Entry> MOST_VIEWED_FIRST = Comparator.comparingLong(Entry::views)
            .reversed()
            .thenComparing(e -> e.article().id());

    /** One ranked article and its views in the window. */
    record Entry(ArticleInfo article, long views) {}

    Leaderboard {
        entries = List.copyOf(entries);
    }

    Leaderboard with(ArticleInfo article, long views, int capacity) {
        List<Entry> next = new ArrayList<>(without(article.id()).entries);
        next.add(new Entry(article, views));
        next.sort(MOST_VIEWED_FIRST);
        return new Leaderboard(next.subList(0, Math.min(capacity, next.size())));
    }

    Leaderboard without(String articleId) {
        return new Leaderboard(entries.stream()
                .filter(e -> !e.article().id().equals(articleId))
                .toList());
    }

    Leaderboard top(int n) {
        return new Leaderboard(entries.subList(0, Math.min(n, entries.size())));
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }
}
