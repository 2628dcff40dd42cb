package io.kabar.related.ranking;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning knobs of the related-links ranking, with defaults measured on the labelled Detik corpus.
 *
 * @param defaultLimit links per article when the caller does not say
 * @param candidatePool text-similar stories fetched before re-ranking
 * @param queryTerms most distinctive terms of the source story used as the similarity query
 * @param titleBoost weight of a query term matching a candidate's title relative to its body
 * @param sourceTitleWeight how many body occurrences one occurrence in the source title is worth
 * @param textWeight weight of text similarity, normalised to [0, 1]
 * @param tagWeight weight of the Jaccard overlap of editorial tags
 * @param categoryBonus added when source and candidate share a category
 * @param recencyWeight weight of the candidate's freshness, {@code 0.5^(age / recencyHalfLife)}
 * @param recencyHalfLife age at which the freshness term has halved
 * @param nearDuplicateJaccard title token overlap at or above which a candidate counts as a duplicate
 * @param refreshFanout how many similar stories get their lists recomputed when a story changes
 */
public record RankingSettings(
        int defaultLimit,
        int candidatePool,
        int queryTerms,
        float titleBoost,
        int sourceTitleWeight,
        double textWeight,
        double tagWeight,
        double categoryBonus,
        double recencyWeight,
        Duration recencyHalfLife,
        double nearDuplicateJaccard,
        int refreshFanout) {

    /** Largest list a caller may ask for. */
    public static final int MAX_LIMIT = 20;

    public static final RankingSettings DEFAULTS =
            new RankingSettings(5, 50, 40, 3.0f, 5, 1.0, 0.3, 0.15, 0.05, Duration.ofDays(3), 0.8, 20);

    public RankingSettings {
        requireLimit(defaultLimit);
        if (candidatePool < MAX_LIMIT || queryTerms < 1 || refreshFanout < 1 || sourceTitleWeight < 1) {
            throw new IllegalArgumentException("candidatePool >= " + MAX_LIMIT
                    + ", queryTerms, sourceTitleWeight and refreshFanout >= 1 required");
        }
        Objects.requireNonNull(recencyHalfLife, "recencyHalfLife");
        if (recencyHalfLife.isNegative() || recencyHalfLife.isZero()) {
            throw new IllegalArgumentException("recencyHalfLife must be positive");
        }
        if (nearDuplicateJaccard <= 0 || nearDuplicateJaccard > 1) {
            throw new IllegalArgumentException("nearDuplicateJaccard must be in (0, 1]");
        }
    }

    static int requireLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be in 1.." + MAX_LIMIT + ", was " + limit);
        }
        return limit;
    }
}
