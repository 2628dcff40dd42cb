package io.kabar.trending.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViewTalliesTest {

    private static final int LAST_3 = 0;
    private static final int LAST_10 = 1;

    private final List<String> expired = new ArrayList<>();
    private final ViewTallies tallies = new ViewTallies(3, 10);

    @Test
    void bucketUpdatesReplaceTheBucketCountInEverySpanTheyFallIn() {
        tallies.advanceTo(100, this::expire);
        tallies.put("a", 95, 4);
        tallies.put("a", 100, 2);
        tallies.put("a", 100, 5);

        assertThat(tallies.sum("a", LAST_3)).isEqualTo(5);
        assertThat(tallies.sum("a", LAST_10)).isEqualTo(9);
    }

    @Test
    void movingTheCurrentBucketOnDropsWhatLeavesEachSpanAndForgetsWhatLeavesTheLongest() {
        tallies.advanceTo(100, this::expire);
        tallies.put("a", 98, 4);
        tallies.put("b", 100, 1);

        tallies.advanceTo(101, this::expire);
        assertThat(tallies.sum("a", LAST_3)).isZero();
        assertThat(tallies.sum("a", LAST_10)).isEqualTo(4);

        tallies.advanceTo(108, this::expire);
        assertThat(tallies.sum("a", LAST_10)).isZero();
        assertThat(expired).containsExactly("98|a");
        assertThat(tallies.articles()).containsExactly("b");
    }

    @Test
    void bucketsOlderThanTheLongestSpanOrAheadOfTheCurrentOneAreRefused() {
        tallies.advanceTo(100, this::expire);

        assertThat(tallies.put("a", 90, 1)).isFalse();
        assertThat(tallies.put("a", 101, 1)).isFalse();
        assertThat(tallies.put("a", 91, 1)).isTrue();
    }

    private void expire(long bucket, String articleId) {
        expired.add(bucket + "|" + articleId);
    }
}
