package io.kabar.related.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RankingSettingsTest {

    @Test
    void aBuilderChangesOnlyTheKnobsItIsGiven() {
        RankingSettings changed = RankingSettings.DEFAULTS.toBuilder()
                .minScore(0)
                .signals(RankingSettings.Signals.NONE)
                .build();

        assertThat(changed)
                .isEqualTo(RankingSettings.DEFAULTS.withMinScore(0).withSignals(RankingSettings.Signals.NONE));
        assertThat(changed.toBuilder()
                        .minScore(RankingSettings.DEFAULTS.minScore())
                        .signals(RankingSettings.Signals.DEFAULTS)
                        .build())
                .isEqualTo(RankingSettings.DEFAULTS);
    }

    @Test
    void aBuilderValidatesWhatItBuilds() {
        assertThatThrownBy(() ->
                        RankingSettings.DEFAULTS.toBuilder().commonTermShare(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("commonTermShare");
    }
}
