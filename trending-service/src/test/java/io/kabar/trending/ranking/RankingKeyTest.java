package io.kabar.trending.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
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
    void categoryNamedLikeTheOverallMarkerDoesNotCollideWithTheOverallRanking() {
        RankingKey star = RankingKey.of("1h", "*");
        RankingKey escaped = RankingKey.of("1h", "\\x");

        assertThat(star.asString()).isNotEqualTo(RankingKey.overall("1h").asString());
        assertThat(RankingKey.parse(star.asString())).isEqualTo(star);
        assertThat(RankingKey.parse(escaped.asString())).isEqualTo(escaped);
    }
}
