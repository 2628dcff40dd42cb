package io.kabar.trending.ranking;

import java.time.Duration;

/** The one-minute tumbling buckets views are counted in: bucket {@code n} holds the views of minute {@code n}. */
final class Buckets {

    static final Duration WIDTH = Duration.ofMinutes(1);
    private static final long WIDTH_MS = WIDTH.toMillis();

    private Buckets() {}

    static long of(long epochMillis) {
        return Math.floorDiv(epochMillis, WIDTH_MS);
    }

    static long startOf(long bucket) {
        return bucket * WIDTH_MS;
    }

    static int count(Duration span) {
        return Math.toIntExact(span.toMillis() / WIDTH_MS);
    }
}
