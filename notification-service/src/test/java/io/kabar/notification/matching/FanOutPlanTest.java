package io.kabar.notification.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FanOutPlanTest {

    @Test
    void slicesStartAtEvenTwoHexDigitPrefixes() {
        assertThat(FanOutPlan.STARTS).containsExactly("", "2a", "55", "80", "aa", "d5");
    }

    @Test
    void aProgressRecordBelongsToTheSliceItsAfterIdLiesIn() {
        assertThat(FanOutPlan.sliceOf("")).isZero();
        assertThat(FanOutPlan.sliceOf("29ffffff-0000-0000-0000-000000000000")).isZero();
        assertThat(FanOutPlan.sliceOf("2a")).isEqualTo(1); // the start of slice 1
        assertThat(FanOutPlan.sliceOf("2a000000-0000-0000-0000-000000000000")).isEqualTo(1);
        assertThat(FanOutPlan.sliceOf("d5")).isEqualTo(5);
        assertThat(FanOutPlan.sliceOf("ffffffff-ffff-ffff-ffff-ffffffffffff")).isEqualTo(5);
        assertThat(FanOutPlan.sliceOf("not-a-uuid")).isEqualTo(5);
    }

    @Test
    void everyIdLiesInExactlyOneSliceAndItsProgressStaysThere() {
        for (int i = 0; i < 10_000; i++) {
            String id = UUID.randomUUID().toString();
            int slice = FanOutPlan.sliceOf(id);
            long holding = IntStream.range(0, FanOutPlan.SLICES)
                    .filter(s -> id.compareTo(FanOutPlan.STARTS.get(s)) > 0
                            && (FanOutPlan.until(s) == null || id.compareTo(FanOutPlan.until(s)) <= 0))
                    .count();
            assertThat(holding).isEqualTo(1);
            assertThat(id.compareTo(FanOutPlan.STARTS.get(slice))).isPositive();
            assertThat(FanOutPlan.until(slice) == null || id.compareTo(FanOutPlan.until(slice)) <= 0)
                    .isTrue();
        }
    }

    @Test
    void chunksStartSmallAndDoubleUpToTheChunkSize() {
        FanOutPlan plan = new FanOutPlan(5000);
        assertThat(IntStream.rangeClosed(1, 6).map(plan::size)).containsExactly(625, 1250, 2500, 5000, 5000, 5000);
        assertThat(new FanOutPlan(1).size(1)).isEqualTo(1);
    }
}
