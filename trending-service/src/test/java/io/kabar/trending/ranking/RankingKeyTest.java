package io.kabar.trending.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RankingKeyTest {

    @Test
    void overallAndCategoryKeysRoundTripThroughTheTopicFormat() {
        assertThat(RankingKey.overall("1h").asString()).isEqualTo("1h|*");
        assertThat(RankingKey.of("24h", "ekonomi|bisnis").asString()).isEqualTo("24h|ekonomi|bisnis");
        assertThat(RankingKey.parse("1h|*")).isEqualTo(RankingKey.overall("1h"));
        assertThat(RankingKey.parse("24h|ekonomi|bisnis")).isEqualTo(RankingKey.of("24h", "ekonomi|bisnis"));
    }

    @Test
    void windowNameMayNotHoldTheSeparator() {
        assertThatThrownBy(() -> TrendingWindow.of("1|h", Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void currentWindowIsTheEarliestOpenOneThatContainsStreamTime() {
        TrendingWindow hour = TrendingWindow.of("1h", Duration.ofHours(1));
        long now = Instant.parse("2026-03-02T11:12:00Z").toEpochMilli();

        assertThat(Instant.ofEpochMilli(hour.currentStart(now))).isEqualTo(Instant.parse("2026-03-02T10:15:00Z"));
    }
}
