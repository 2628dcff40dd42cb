package io.kabar.trending.ranking;

import java.time.Duration;
import java.util.Objects;

/**
 * One "most read" ranking window, such as "the last hour": the sum of an article's views in the most recent
 * {@code size} of one-minute buckets, the current (partial) minute included.
 *
 * @param name the name readers see in {@code TrendingRanking.window} and in the topic key, such as {@code 1h}
 * @param size how far back views count, in whole minutes
 */
public record TrendingWindow(String name, Duration size) {

    public TrendingWindow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(size, "size");
        if (name.isBlank() || name.contains(RankingKey.SEPARATOR) || name.equals(RankingKey.RISING)) {
            throw new IllegalArgumentException("window name must be non-blank, without '" + RankingKey.SEPARATOR
                    + "' and not '" + RankingKey.RISING + "': " + name);
        }
        if (size.compareTo(Buckets.WIDTH) < 0 || size.toMillis() % Buckets.WIDTH.toMillis() != 0) {
            throw new IllegalArgumentException("window " + name + ": size must be a whole number of minutes");
        }
    }

    public static TrendingWindow of(String name, Duration size) {
        return new TrendingWindow(name, size);
    }

    int buckets() {
        return Buckets.count(size);
    }
}
