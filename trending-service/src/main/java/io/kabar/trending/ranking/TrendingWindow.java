package io.kabar.trending.ranking;

import java.time.Duration;
import java.util.Objects;

/**
 * One ranking window, such as "the last hour": views are counted in hopping windows of {@code size} that start every
 * {@code advance}, and the ranking shows the window that ends next, so it covers between {@code size - advance} and
 * {@code size} of the most recent views.
 *
 * @param name    the name readers see in {@code TrendingRanking.window} and in the topic key, such as {@code 1h}
 * @param size    how far back views count
 * @param advance how often the ranking moves on to a newer window; smaller is fresher but keeps more state
 */
public record TrendingWindow(String name, Duration size, Duration advance) {

    /** Twelve hops per window: fresh enough for a news front page at a bounded number of open windows. */
    private static final int HOPS_PER_WINDOW = 12;

    public TrendingWindow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(advance, "advance");
        if (name.isBlank() || name.contains(RankingKey.SEPARATOR)) {
            throw new IllegalArgumentException(
                    "window name must be non-blank without '" + RankingKey.SEPARATOR + "': " + name);
        }
        if (advance.isNegative() || advance.isZero() || advance.compareTo(size) > 0) {
            throw new IllegalArgumentException("window " + name + ": advance must be > 0 and <= size");
        }
    }

    /** A window of {@code size} that advances by a twelfth of it, e.g. 5 minutes for 1 hour. */
    public static TrendingWindow of(String name, Duration size) {
        return new TrendingWindow(name, size, size.dividedBy(HOPS_PER_WINDOW));
    }

    /** The start of the window the ranking shows at {@code streamTime}: the earliest one that still contains it. */
    long currentStart(long streamTime) {
        long advanceMs = advance.toMillis();
        return Math.max(0, Math.floorDiv(streamTime - size.toMillis(), advanceMs) * advanceMs + advanceMs);
    }
}
