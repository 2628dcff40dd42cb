package io.kabar.trending.ranking;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the trending topology counts and ranks.
 *
 * @param windows        the ranking windows, each with a unique name
 * @param dedupeInterval a session's repeated views of an article closer than this count once
 * @param grace          how far behind stream time a view may arrive and still count
 * @param topN           how many articles a published ranking holds
 * @param retained       how many articles each open window keeps per ranking; the slack above {@code topN} refills
 *                       the ranking when articles are unpublished
 */
public record TrendingSettings(
        List<TrendingWindow> windows, Duration dedupeInterval, Duration grace, int topN, int retained) {

    public TrendingSettings {
        windows = List.copyOf(windows);
        Objects.requireNonNull(dedupeInterval, "dedupeInterval");
        Objects.requireNonNull(grace, "grace");
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("at least one window is needed");
        }
        if (new HashSet<>(windows.stream().map(TrendingWindow::name).toList()).size() != windows.size()) {
            throw new IllegalArgumentException("window names must be unique: " + windows);
        }
        if (dedupeInterval.isNegative() || dedupeInterval.isZero() || grace.isNegative()) {
            throw new IllegalArgumentException("dedupeInterval must be > 0 and grace >= 0");
        }
        if (topN < 1 || retained < topN) {
            throw new IllegalArgumentException("need 1 <= topN <= retained, got " + topN + " and " + retained);
        }
    }

    /** 1h and 24h rankings of the top 10, views of a session deduplicated over 30 minutes, 5 minutes of grace. */
    public static TrendingSettings defaults() {
        return new TrendingSettings(
                List.of(TrendingWindow.of("1h", Duration.ofHours(1)), TrendingWindow.of("24h", Duration.ofHours(24))),
                Duration.ofMinutes(30),
                Duration.ofMinutes(5),
                10,
                50);
    }

    /** The same settings with another ranking length, keeping five times as many candidates. */
    public TrendingSettings withTopN(int n) {
        return new TrendingSettings(windows, dedupeInterval, grace, n, Math.max(retained, 5 * n));
    }

    Optional<TrendingWindow> window(String name) {
        return windows.stream().filter(w -> w.name().equals(name)).findFirst();
    }

    Duration shortestAdvance() {
        return windows.stream()
                .map(TrendingWindow::advance)
                .min(Duration::compareTo)
                .orElseThrow();
    }
}
