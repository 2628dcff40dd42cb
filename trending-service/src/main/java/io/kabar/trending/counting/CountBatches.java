package io.kabar.trending.counting;

import io.kabar.schemas.TrendingCount;
import io.kabar.schemas.TrendingCounts;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs one partition's increments of a commit into {@code TrendingCounts} values: one per commit, unless they would
 * near the producer's request limit (1 MiB), then several of at most {@link #MAX_BYTES} encoded each.
 */
final class CountBatches implements PartitionCounts.Sink {

    /** A value's encoded size at most, well below the default {@code max.request.size} of 1 MiB. */
    static final int MAX_BYTES = 512 * 1024;

    /** Receives each value with its timestamp: the latest view time of its increments. */
    @FunctionalInterface
    interface Send {
        void send(TrendingCounts counts, long latestViewedAt);
    }

    private final Send send;
    private List<TrendingCount> counts = new ArrayList<>();
    private long bytes;
    private long latest = Long.MIN_VALUE;

    CountBatches(Send send) {
        this.send = send;
    }

    @Override
    public void accept(String articleId, long minute, long views, long latestViewedAt) {
        // At most 3 bytes per UTF-16 char, the string's length and two longs as varints: an upper bound.
        long size = 3L * articleId.length() + 25;
        if (bytes + size > MAX_BYTES) {
            flush();
        }
        counts.add(new TrendingCount(articleId, minute, views));
        bytes += size;
        latest = Math.max(latest, latestViewedAt);
    }

    /** Sends what is packed, if anything. */
    void flush() {
        if (counts.isEmpty()) {
            return;
        }
        send.send(new TrendingCounts(counts), latest);
        counts = new ArrayList<>();
        bytes = 0;
        latest = Long.MIN_VALUE;
    }
}
