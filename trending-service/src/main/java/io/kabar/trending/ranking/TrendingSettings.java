package io.kabar.trending.ranking;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * What the trending topology counts and ranks.
 *
 * @param windows        the "most read" ranking windows, each with a unique name
 * @param dedupeInterval a session's repeated views of an article closer than this count once
 * @param grace          how far behind stream time a view may arrive and still count
 * @param topN           how many articles a published ranking holds
 * @param rising         how the "rising" ranking compares recent with earlier views
 * @param rankInterval   how often (wall-clock) the minute counts are handed to the ranking stage and the rankings are
 *                       recomputed when views or time have moved them
 * @param clientSessionsPerMinute  the most new sessions one client address may add to one article in one minute
 * @param sessionArticlesPerMinute the most distinct articles one session may add a view to in one minute
 */
public record TrendingSettings(
        List<TrendingWindow> windows,
        Duration dedupeInterval,
        Duration grace,
        int topN,
        Rising rising,
        Duration rankInterval,
        int clientSessionsPerMinute,
        int sessionArticlesPerMinute) {

    /**
     * The "rising" ranking: articles whose views in the last {@code recent} most exceed what their rate over the
     * {@code baseline} before it predicts, given at least {@code minViews} recent views (see the README for the formula).
     */
    public record Rising(Duration recent, Duration baseline, long minViews) {

        public Rising {
            Objects.requireNonNull(recent, "recent");
            Objects.requireNonNull(baseline, "baseline");
            if (Buckets.count(recent) < 1 || Buckets.count(baseline) <= Buckets.count(recent) || minViews < 1) {
                throw new IllegalArgumentException("rising needs 1m <= recent < baseline and minViews >= 1");
            }
        }

        public static Rising defaults() {
            return new Rising(Duration.ofMinutes(10), Duration.ofHours(24), 20);
        }
    }

    public TrendingSettings {
        windows = List.copyOf(windows);
        Objects.requireNonNull(dedupeInterval, "dedupeInterval");
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(rising, "rising");
        Objects.requireNonNull(rankInterval, "rankInterval");
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("at least one window is needed");
        }
        if (new HashSet<>(windows.stream().map(TrendingWindow::name).toList()).size() != windows.size()) {
            throw new IllegalArgumentException("window names must be unique: " + windows);
        }
        // At least a minute, so that a view's minute lies in the session slots its dedupe reads.
        if (dedupeInterval.compareTo(Buckets.WIDTH) < 0 || grace.isNegative()) {
            throw new IllegalArgumentException("dedupeInterval must be >= 1m and grace >= 0");
        }
        if (topN < 1 || rankInterval.isNegative() || rankInterval.isZero()) {
            throw new IllegalArgumentException("need topN >= 1 and rankInterval > 0");
        }
        if (clientSessionsPerMinute < 1 || sessionArticlesPerMinute < 1) {
            throw new IllegalArgumentException("clientSessionsPerMinute and sessionArticlesPerMinute must be >= 1");
        }
    }

    /**
     * 1h and 24h rankings of the top 10 and the default rising list, ranked every 250 ms; 20 new sessions per article
     * and client address, and 30 articles per session, a minute.
     */
    public static TrendingSettings defaults() {
        return new TrendingSettings(
                List.of(TrendingWindow.of("1h", Duration.ofHours(1)), TrendingWindow.of("24h", Duration.ofHours(24))),
                Duration.ofMinutes(30),
                Duration.ofMinutes(5),
                10,
                Rising.defaults(),
                Duration.ofMillis(250),
                20,
                30);
    }

    /** The same settings with another ranking length. */
    public TrendingSettings withTopN(int n) {
        return new TrendingSettings(
                windows,
                dedupeInterval,
                grace,
                n,
                rising,
                rankInterval,
                clientSessionsPerMinute,
                sessionArticlesPerMinute);
    }
}
