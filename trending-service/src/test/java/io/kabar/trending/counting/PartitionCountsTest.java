package io.kabar.trending.counting;

import static org.assertj.core.api.Assertions.assertThat;

import io.kabar.trending.ranking.TrendingSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The counting rules of one partition on plain inputs (the end-to-end rankings are in TrendingTopologyTest). */
class PartitionCountsTest {

    private static final long T0 = Instant.parse("2026-03-02T10:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;

    private final TrendingSettings settings = TrendingSettings.defaults();
    private final PartitionCounts counts = new PartitionCounts(settings);

    record Increment(String articleId, long minute, long views, long latest) {}

    @Test
    void sessionsRepeatedViewOfAnArticleWithinTheDedupeIntervalCountsOnceAndAfterItAgain() {
        assertThat(counts.count("a", "s1", null, T0)).isTrue();
        assertThat(counts.count("a", "s1", null, T0 + 29 * MINUTE)).isFalse();
        assertThat(counts.count("a", "s1", null, T0 + 30 * MINUTE)).isTrue();
        assertThat(counts.count("b", "s1", null, T0 + 30 * MINUTE)).isTrue();
    }

    @Test
    void viewMoreThanTheGraceBehindThePartitionsStreamTimeIsDroppedAndOneWithinItCounts() {
        counts.count("a", "s1", null, T0 + 10 * MINUTE);
        assertThat(counts.count("a", "s2", null, T0 + 5 * MINUTE)).isTrue();
        assertThat(counts.count("a", "s3", null, T0 + 5 * MINUTE - 1)).isFalse();
    }

    @Test
    void clientAddsAtMostTheCapOfSessionsToAnArticleInAMinuteAndAReloadTakesNoPlace() {
        int cap = settings.clientSessionsPerMinute();
        for (int i = 0; i < cap; i++) {
            assertThat(counts.count("a", "s" + i, "office", T0 + i)).isTrue();
            counts.count("a", "s0", "office", T0 + i);
        }
        assertThat(counts.count("a", "s" + cap, "office", T0 + 100)).isFalse();
        assertThat(counts.count("b", "s" + cap, "office", T0 + 100)).isTrue();
        assertThat(counts.count("a", "s" + cap, "office", T0 + MINUTE)).isTrue();
        assertThat(counts.count("a", "elsewhere", "home", T0 + 100)).isTrue();
    }

    @Test
    void sessionCountsAtMostTheCapOfArticlesInAMinuteOfTheViewsOwnTime() {
        int cap = settings.sessionArticlesPerMinute();
        for (int i = 0; i < cap; i++) {
            assertThat(counts.count("a" + i, "crawler", null, T0 + i)).isTrue();
        }
        assertThat(counts.count("over", "crawler", null, T0 + 100)).isFalse();
        assertThat(counts.count("over", "crawler", null, T0 + MINUTE)).isTrue();
    }

    @Test
    void handsOnOneIncrementPerArticleAndMinuteWithItsLatestViewTimeThenNothing() {
        counts.count("a", "s1", null, T0 + 1_000);
        counts.count("a", "s2", null, T0 + 5_000);
        counts.count("a", "s3", null, T0 + MINUTE);
        counts.count("b", "s1", null, T0 + 2_000);

        assertThat(drain())
                .containsExactlyInAnyOrder(
                        new Increment("a", T0 / MINUTE, 2, T0 + 5_000),
                        new Increment("a", T0 / MINUTE + 1, 1, T0 + MINUTE),
                        new Increment("b", T0 / MINUTE, 1, T0 + 2_000));
        assertThat(drain()).isEmpty();
    }

    @Test
    void replayedViewsRebuildTheRulesStateWithoutIncrements() {
        counts.replay("a", "s1", null, T0);
        assertThat(drain()).isEmpty();
        assertThat(counts.count("a", "s1", null, T0 + MINUTE)).isFalse();
        assertThat(counts.count("a", "s2", null, T0 + MINUTE)).isTrue();
    }

    @Test
    void snapshotCarriesStreamTimeDedupeAndBothCapsToANewOwner() throws IOException {
        long now = T0 + 20 * MINUTE;
        counts.count("b", "reader", null, now);
        for (int i = 0; i < settings.clientSessionsPerMinute(); i++) {
            counts.count("a", "s" + i, "office", now + i);
        }
        drain();

        PartitionCounts restored = new PartitionCounts(settings);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        counts.writeTo(new DataOutputStream(bytes));
        restored.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

        assertThat(restored.streamTime()).isEqualTo(now + settings.clientSessionsPerMinute() - 1);
        assertThat(restored.count("b", "reader", null, now + MINUTE))
                .as("dedupe")
                .isFalse();
        assertThat(restored.count("a", "one-more", "office", now + 100))
                .as("client cap")
                .isFalse();
        assertThat(restored.count("x", "late", null, now - 6 * MINUTE))
                .as("grace")
                .isFalse();
        assertThat(restored.count("c", "s0", "office", now + 100)).isTrue();
    }

    @Test
    void stateOlderThanAnyViewThatCanStillArriveIsForgotten() throws IOException {
        for (int i = 0; i < 1_000; i++) {
            counts.count("a", "s" + i, "c" + i, T0 + i);
        }
        counts.count("a", "now", null, T0 + Duration.ofMinutes(40).toMillis());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        counts.writeTo(new DataOutputStream(bytes));
        // Stream time, one session of one view, no client minute.
        assertThat(bytes.size()).isLessThan(64);
    }

    private List<Increment> drain() {
        List<Increment> drained = new ArrayList<>();
        counts.drainTo(
                (articleId, minute, views, latest) -> drained.add(new Increment(articleId, minute, views, latest)));
        return drained;
    }
}
