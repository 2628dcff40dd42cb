package io.kabar.trending;

import io.kabar.trending.ranking.TrendingSettings;
import io.kabar.trending.ranking.TrendingWindow;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.validation.annotation.Validated;

/**
 * trending-service settings, each overridable by environment variable (for example {@code KABAR_TRENDING_WINDOWS=1h,24h,7d}).
 *
 * @param windows        the ranking windows as simple durations ({@code 1h}, {@code 24h}, {@code 7d}); each is also
 *                       the window's name in the API and in {@code news.trending}
 * @param dedupeInterval a session's repeated views of an article closer than this count once
 * @param grace          how far behind stream time a view may arrive and still count
 * @param topN           articles per published ranking, and so the largest {@code limit} a reader may ask for
 * @param risingRecent   the recent span of the "rising" ranking
 * @param risingBaseline the span whose earlier part gives an article's usual rate for "rising"
 * @param risingMinViews the fewest recent views that can rise, and the damping of the rising score
 * @param rankInterval   how often (wall clock) the minute counts reach the ranking stage and rankings are recomputed
 * @param clientSessionsPerMinute  the most new sessions one client address may add to one article in one minute
 * @param sessionArticlesPerMinute the most distinct articles one session may add a view to in one minute
 * @param stateDir       where Kafka Streams keeps its RocksDB stores; unset, a fresh temporary directory per instance
 *                       (state is then restored from the changelogs on every start)
 * @param instanceId     this instance's static member id in the Streams group ({@code group.instance.id}); unset, the
 *                       id stored in {@code stateDir} (created on first start), or, without a state directory, none:
 *                       a dynamic member that leaves the group when it stops
 * @param publishTimeout how long an ingest request waits for the broker's acknowledgement before it answers 503
 * @param retryAfter     what a 503 asks the client to wait before retrying
 * @param maxClockSkew   how far in the future a view's {@code viewedAt} may lie; keep it below {@code grace}, since a
 *                       future view moves stream time on and makes views of the present late
 * @param linger         how long the page-view producer waits to fill a batch: a little latency for much throughput
 * @param countingCommitInterval how often the counting loops hand their increments on and commit, in one transaction
 *                       (at most the rank interval)
 * @param countingThreads how many counting loops (consumers of {@code news.page-views}) this instance runs
 */
@Validated
@ConfigurationProperties("kabar.trending")
public record TrendingProperties(
        @DefaultValue({"1h", "24h"}) @NotEmpty List<@NotNull @Pattern(regexp = "[1-9][0-9]*[mhd]") String> windows,
        @DefaultValue("30m") @NotNull Duration dedupeInterval,
        @DefaultValue("5m") @NotNull Duration grace,
        @DefaultValue("50") @Min(1) @Max(500) int topN,
        @DefaultValue("10m") @NotNull Duration risingRecent,
        @DefaultValue("24h") @NotNull Duration risingBaseline,
        @DefaultValue("20") @Min(1) long risingMinViews,
        @DefaultValue("250ms") @NotNull Duration rankInterval,
        @DefaultValue("20") @Min(1) int clientSessionsPerMinute,
        @DefaultValue("30") @Min(1) int sessionArticlesPerMinute,
        Path stateDir,
        @Pattern(regexp = "[A-Za-z0-9._-]{0,200}") String instanceId,
        @DefaultValue("5s") @NotNull Duration publishTimeout,
        @DefaultValue("5s") @NotNull Duration retryAfter,
        @DefaultValue("1m") @NotNull Duration maxClockSkew,
        @DefaultValue("5ms") @NotNull Duration linger,
        @DefaultValue("100ms") @NotNull Duration countingCommitInterval,
        @DefaultValue("1") @Min(1) @Max(64) int countingThreads) {

    /** The topology's settings; {@link TrendingSettings} checks what bean validation cannot, such as whole minutes. */
    public TrendingSettings settings() {
        return new TrendingSettings(
                windows.stream()
                        .map(w -> TrendingWindow.of(w, DurationStyle.SIMPLE.parse(w)))
                        .toList(),
                dedupeInterval,
                grace,
                topN,
                new TrendingSettings.Rising(risingRecent, risingBaseline, risingMinViews),
                rankInterval,
                clientSessionsPerMinute,
                sessionArticlesPerMinute);
    }
}
