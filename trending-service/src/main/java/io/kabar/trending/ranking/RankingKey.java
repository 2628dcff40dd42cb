package io.kabar.trending.ranking;

import java.util.List;
import java.util.Objects;

/**
 * The key of a ranking in {@code news.trending}, {@code window|category} with {@code *} for all categories: the one
 * place that defines the format, for the writer and for readers of the topic.
 *
 * @param window   the window's name, such as {@code 1h}
 * @param category the category, or {@code null} for the ranking over all categories
 */
public record RankingKey(String window, String category) {

    static final String SEPARATOR = "|";
    private static final String OVERALL = "*";

    public RankingKey {
        Objects.requireNonNull(window, "window");
    }

    /** The key of the ranking over all categories. */
    public static RankingKey overall(String window) {
        return new RankingKey(window, null);
    }

    /** The key of the ranking of one category. */
    public static RankingKey of(String window, String category) {
        return new RankingKey(window, Objects.requireNonNull(category, "category"));
    }

    /** Reads a key written by {@link #asString()}; window names never hold the separator, categories may. */
    public static RankingKey parse(String key) {
        int at = key.indexOf(SEPARATOR);
        if (at < 0) {
            throw new IllegalArgumentException("not a ranking key: " + key);
        }
        String category = key.substring(at + 1);
        return new RankingKey(key.substring(0, at), OVERALL.equals(category) ? null : category);
    }

    /** The rankings an article of {@code category} takes part in for {@code window}. */
    static List<RankingKey> forArticle(TrendingWindow window, String category) {
        return List.of(overall(window.name()), of(window.name(), category));
    }

    /** The topic key. */
    public String asString() {
        return window + SEPARATOR + (category == null ? OVERALL : category);
    }

    @Override
    public String toString() {
        return asString();
    }
}
