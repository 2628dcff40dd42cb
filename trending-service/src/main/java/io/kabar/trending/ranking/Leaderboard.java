package io.kabar.trending.ranking;

import java.util.List;

/** The articles of one published ranking, first place first. */
record Leaderboard(List<Entry> entries) {

    static final Leaderboard EMPTY = new Leaderboard(List.of());

    /**
     * One ranked article.
     *
     * @param views its views in the window (for "rising": in the recent span)
     * @param score the hot score, or for "rising" how far the recent views exceed the expected ones
     */
    record Entry(ArticleInfo article, long views, double score) {}

    Leaderboard {
        entries = List.copyOf(entries);
    }

    /**
     * Whether both show the same articles, in the same revision and order, with the same views. Scores are left out:
     * the hot score decays with every tick of the clock, and publishing for that alone would flood the topic.
     */
    boolean sameAs(Leaderboard other) {
        if (other == null || other.entries.size() != entries.size()) {
            return false;
        }
        for (int i = 0; i < entries.size(); i++) {
            Entry a = entries.get(i);
            Entry b = other.entries.get(i);
            if (!a.article().equals(b.article()) || a.views() != b.views()) {
                return false;
            }
        }
        return true;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }
}
