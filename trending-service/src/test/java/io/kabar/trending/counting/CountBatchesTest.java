package io.kabar.trending.counting;

import static org.assertj.core.api.Assertions.assertThat;

import io.kabar.schemas.TrendingCount;
import io.kabar.schemas.TrendingCounts;
import io.kabar.schemas.serde.AvroSerializer;
import io.kabar.schemas.serde.SchemaRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountBatchesTest {

    private record Sent(TrendingCounts counts, long timestamp) {}

    private final List<Sent> sent = new ArrayList<>();
    private final CountBatches batches = new CountBatches((counts, latest) -> sent.add(new Sent(counts, latest)));

    @Test
    void aCommitsIncrementsTravelAsOneValueTimestampedWithTheLatestView() {
        batches.accept("a", 100, 3, 6_000_010);
        batches.accept("b", 100, 1, 6_000_500);
        batches.accept("a", 99, 2, 5_999_000);
        batches.flush();

        assertThat(sent).singleElement().satisfies(one -> {
            assertThat(one.counts().getCounts())
                    .containsExactly(
                            new TrendingCount("a", 100L, 3L),
                            new TrendingCount("b", 100L, 1L),
                            new TrendingCount("a", 99L, 2L));
            assertThat(one.timestamp()).isEqualTo(6_000_500);
        });
    }

    @Test
    void nothingCountedSendsNothing() {
        batches.flush();

        assertThat(sent).isEmpty();
    }

    @Test
    void manyIncrementsAreSplitIntoValuesThatStayBelowTheRequestLimit() {
        String longId = "x".repeat(100);
        int increments = 5_000;
        for (int i = 0; i < increments; i++) {
            batches.accept(longId + i, 100, 1, 6_000_000 + i);
        }
        batches.flush();

        assertThat(sent).hasSizeGreaterThan(1);
        assertThat(sent.stream().mapToInt(s -> s.counts().getCounts().size()).sum())
                .isEqualTo(increments);
        try (var serializer = new AvroSerializer<>(TrendingCounts.class, SchemaRegistry.NONE)) {
            assertThat(sent)
                    .allSatisfy(s -> assertThat(serializer.serialize("t", s.counts()))
                            .hasSizeLessThanOrEqualTo(CountBatches.MAX_BYTES));
        }
        assertThat(sent.getLast().timestamp()).isEqualTo(6_000_000 + increments - 1);
    }
}
