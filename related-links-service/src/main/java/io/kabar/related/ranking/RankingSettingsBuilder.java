package io.kabar.related.ranking;

import java.time.Duration;

/** Settings that differ from a starting point in a few knobs; {@link #build()} validates them as a whole. */
public final class RankingSettingsBuilder {

    private int defaultLimit;
    private int candidatePool;
    private int queryTerms;
    private double commonTermShare;
    private float titleBoost;
    private int sourceTitleWeight;
    private RankingSettings.Signals signals;
    private double textWeight;
    private double tagWeight;
    private double categoryBonus;
    private double recencyWeight;
    private Duration recencyHalfLife;
    private double nearDuplicateJaccard;
    private int refreshFanout;
    private double minScore;

    RankingSettingsBuilder(RankingSettings from) {
        defaultLimit = from.defaultLimit();
        candidatePool = from.candidatePool();
        queryTerms = from.queryTerms();
        commonTermShare = from.commonTermShare();
        titleBoost = from.titleBoost();
        sourceTitleWeight = from.sourceTitleWeight();
        signals = from.signals();
        textWeight = from.textWeight();
        tagWeight = from.tagWeight();
        categoryBonus = from.categoryBonus();
        recencyWeight = from.recencyWeight();
        recencyHalfLife = from.recencyHalfLife();
        nearDuplicateJaccard = from.nearDuplicateJaccard();
        refreshFanout = from.refreshFanout();
        minScore = from.minScore();
    }

    public RankingSettingsBuilder defaultLimit(int value) {
        defaultLimit = value;
        return this;
    }

    public RankingSettingsBuilder candidatePool(int value) {
        candidatePool = value;
        return this;
    }

    public RankingSettingsBuilder queryTerms(int value) {
        queryTerms = value;
        return this;
    }

    public RankingSettingsBuilder commonTermShare(double value) {
        commonTermShare = value;
        return this;
    }

    public RankingSettingsBuilder titleBoost(float value) {
        titleBoost = value;
        return this;
    }

    public RankingSettingsBuilder sourceTitleWeight(int value) {
        sourceTitleWeight = value;
        return this;
    }

    public RankingSettingsBuilder signals(RankingSettings.Signals value) {
        signals = value;
        return this;
    }

    public RankingSettingsBuilder textWeight(double value) {
        textWeight = value;
        return this;
    }

    public RankingSettingsBuilder tagWeight(double value) {
        tagWeight = value;
        return this;
    }

    public RankingSettingsBuilder categoryBonus(double value) {
        categoryBonus = value;
        return this;
    }

    public RankingSettingsBuilder recencyWeight(double value) {
        recencyWeight = value;
        return this;
    }

    public RankingSettingsBuilder recencyHalfLife(Duration value) {
        recencyHalfLife = value;
        return this;
    }

    public RankingSettingsBuilder nearDuplicateJaccard(double value) {
        nearDuplicateJaccard = value;
        return this;
    }

    public RankingSettingsBuilder refreshFanout(int value) {
        refreshFanout = value;
        return this;
    }

    public RankingSettingsBuilder minScore(double value) {
        minScore = value;
        return this;
    }

    public RankingSettings build() {
        return new RankingSettings(
                defaultLimit,
                candidatePool,
                queryTerms,
                commonTermShare,
                titleBoost,
                sourceTitleWeight,
                signals,
                textWeight,
                tagWeight,
                categoryBonus,
                recencyWeight,
                recencyHalfLife,
                nearDuplicateJaccard,
                refreshFanout,
                minScore);
    }
}
