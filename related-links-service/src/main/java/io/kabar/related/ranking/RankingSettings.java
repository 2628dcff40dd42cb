package io.kabar.related.ranking;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning knobs of the related-links ranking, with defaults measured on the labelled Detik corpus.
 *
 * @param defaultLimit links per article when the caller does not say
 * @param candidatePool text-similar stories fetched before re-ranking
 * @param queryTerms most distinctive terms of the source story used as the similarity query
 * @param commonTermShare share of the stories above which a term or phrase is too common to be queried
 * @param titleBoost weight of a query term matching a candidate's title relative to its body
 * @param sourceTitleWeight how many body occurrences one occurrence in the source title is worth
 * @param signals weights of the phrase, name, headline and time-proximity evidence
 * @param textWeight weight of text similarity, normalised to [0, 1]
 * @param tagWeight weight of the Jaccard overlap of editorial tags
 * @param categoryBonus added when source and candidate share a category
 * @param recencyWeight weight of the candidate's freshness, {@code 0.5^(age / recencyHalfLife)}
 * @param recencyHalfLife age at which the freshness term has halved
 * @param nearDuplicateJaccard title token overlap at or above which a candidate counts as a duplicate
 * @param refreshFanout how many similar stories get their lists recomputed when a story changes
 * @param minScore links scoring below this are not shown: better four good links than five with a bad one
 */
public record RankingSettings(
        int defaultLimit,
        int candidatePool,
        int queryTerms,
        double commonTermShare,
        float titleBoost,
        int sourceTitleWeight,
        Signals signals,
        double textWeight,
        double tagWeight,
        double categoryBonus,
        double recencyWeight,
        Duration recencyHalfLife,
        double nearDuplicateJaccard,
        int refreshFanout,
        double minScore) {

    /** Largest list a caller may ask for. */
    public static final int MAX_LIMIT = 20;

    /**
     * Calibrated on the labelled corpus by {@code MinScoreCalibration} (related-links README): below it, most links
     * share no topic with their story.
     */
    static final double MIN_SCORE = 0.25;

    public static final RankingSettings DEFAULTS = new RankingSettings(
            5, 50, 40, 0.2, 3.0f, 5, Signals.DEFAULTS, 1.0, 0.3, 0.15, 0.05, Duration.ofDays(3), 0.8, 20, MIN_SCORE);

    /**
     * Evidence beyond single shared words; each weight 0 turns its signal off.
     *
     * @param terms most distinctive phrases of the source added to the query
     * @param phraseBoost weight of a shared two-word phrase ({@link Phrases}) relative to the best single term
     * @param titleWeight weight of the headline-to-headline similarity ({@link TitleSimilarity}), in [0, 1]
     * @param proximityWeight weight of {@code 0.5^(|published(C) - published(S)| / proximityHalfLife)}
     * @param proximityHalfLife publication-time distance at which the proximity term has halved
     */
    public record Signals(
            int terms, double phraseBoost, double titleWeight, double proximityWeight, Duration proximityHalfLife) {

        public static final Signals DEFAULTS = new Signals(20, 1.0, 0.4, 0.1, Duration.ofDays(7));

        /** The ranking before these signals (RelatedLinks ranking {@code lucene-like-query/1}). */
        public static final Signals NONE = new Signals(20, 0, 0, 0, Duration.ofDays(7));

        public Signals {
            Objects.requireNonNull(proximityHalfLife, "proximityHalfLife");
            if (terms < 1) {
                throw new IllegalArgumentException("terms >= 1 required");
            }
            if (proximityHalfLife.isNegative() || proximityHalfLife.isZero()) {
                throw new IllegalArgumentException("proximityHalfLife must be positive");
            }
            if (phraseBoost < 0 || titleWeight < 0 || proximityWeight < 0) {
                throw new IllegalArgumentException("signal weights must not be negative");
            }
        }
    }

    public RankingSettings {
        requireLimit(defaultLimit);
        if (candidatePool < MAX_LIMIT || queryTerms < 1 || refreshFanout < 1 || sourceTitleWeight < 1) {
            throw new IllegalArgumentException("candidatePool >= " + MAX_LIMIT
                    + ", queryTerms, sourceTitleWeight and refreshFanout >= 1 required");
        }
        if (commonTermShare <= 0 || commonTermShare > 1) {
            throw new IllegalArgumentException("commonTermShare must be in (0, 1]");
        }
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(recencyHalfLife, "recencyHalfLife");
        if (recencyHalfLife.isNegative() || recencyHalfLife.isZero()) {
            throw new IllegalArgumentException("recencyHalfLife must be positive");
        }
        if (nearDuplicateJaccard <= 0 || nearDuplicateJaccard > 1) {
            throw new IllegalArgumentException("nearDuplicateJaccard must be in (0, 1]");
        }
        if (minScore < 0) {
            throw new IllegalArgumentException("minScore must not be negative");
        }
    }

    /** These settings with other signal weights. */
    public RankingSettings withSignals(Signals other) {
        return toBuilder().signals(other).build();
    }

    /** These settings with another minimum score (0: every list filled to its limit when candidates exist). */
    public RankingSettings withMinScore(double other) {
        return toBuilder().minScore(other).build();
    }

    /** A builder starting from these settings, for variants that change a few knobs (evaluation, tests). */
    public RankingSettingsBuilder toBuilder() {
        return new RankingSettingsBuilder(this);
    }

    static int requireLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be in 1.." + MAX_LIMIT + ", was " + limit);
        }
        return limit;
    }
}
