package io.kabar.related;

import io.kabar.related.ranking.RankingSettings;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * related-links-service settings, each overridable by environment variable (for example {@code KABAR_RELATED_DEFAULT_LIMIT}).
 *
 * @param defaultLimit  links the API answers when the request names no {@code limit}
 * @param refreshFanout most similar other articles whose lists are recomputed when an article changes
 * @param indexWait     how long a listener waits for the local index to catch up with a record before it fails the
 *                      record (which the error handler then retries with back-off)
 * @param sendTimeout   how long a listener waits for the broker to acknowledge what it produced
 * @param coalesceInterval how long the compute listener lets refresh requests gather before it computes them, so
 *                      that a list several arriving articles affect is computed once
 * @param consumers     consumers of each listener per instance (threads computing lists in parallel)
 */
@Validated
@ConfigurationProperties("kabar.related")
public record RelatedLinksProperties(
        @DefaultValue("5") @Min(1) @Max(RankingSettings.MAX_LIMIT)
        int defaultLimit,

        @DefaultValue("20") @Min(1) @Max(200) int refreshFanout,
        @DefaultValue("5s") @NotNull Duration indexWait,
        @DefaultValue("10s") @NotNull Duration sendTimeout,
        @DefaultValue("250ms") @NotNull Duration coalesceInterval,
        @DefaultValue("2") @Min(1) @Max(64) int consumers) {}
