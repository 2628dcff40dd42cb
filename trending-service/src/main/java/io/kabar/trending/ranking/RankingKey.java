package io.kabar.trending.ranking;

import java.util.Objects;

/**
 * The key of a ranking in {@code news.trending}, {@code window|category} with {@code *} for all categories: the one
 * place that defines the format, for the writer and for readers of the topic. A category that is literally {@code *}
 * or starts with the escape {@code \\} is written with one more {@code \\} in front, so no category collides with
 * the overall ranking.
 *
 * @param window   the window's name, such as {@code 1h}
 * @param category the category, or {@code null} for the ranking over all categories
 */
public record RankingKey(String window, String category) {

    static final String SEPARATOR = "|";
    /** The window name of the "rising" ranking, beside the configured "most read" windows. */
    public static final String RISING = "rising";

    private static final String OVERALL = "*";
    private static final String ESCAPE = "\\";

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
        if (OVERALL.equals(category)) {
            return overall(key.substring(0, at));
        }
        return of(key.substring(0, at), category.startsWith(ESCAPE) ? category.substring(1) : category);
    }

    /** The topic key. */
    public String asString() {
        if (category == null) {
            return window + SEPARATOR + OVERALL;
        }
        boolean escaped = category.equals(OVERALL) || category.startsWith(ESCAPE);
        return window + SEPARATOR + (escaped ? ESCAPE + category : category);
    }

    @Override
    public String toString() {
        return asString();
    }
}
