package io.kabar.trending.ranking;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Per article, the view counts of the most recent minute buckets and their sums over each span the rankings need
 * (the last 60 buckets, the last 1,440, ...), kept up to date incrementally: a bucket update adds its difference to
 * the sums it falls in, and moving the current minute on subtracts the buckets that leave each span. The work is
 * proportional to the buckets that change, never to the buckets a span covers.
 */
final class ViewTallies {

    /** Told of each bucket that leaves the longest span, so its stored copy can go too. */
    interface Expiry {
        void expired(long bucket, String articleId);
    }

    private final int[] spans;
    private final int retained;
    private final NavigableMap<Long, Map<String, Long>> buckets = new TreeMap<>();
    private final Map<String, long[]> sums = new HashMap<>();
    private long current = Long.MIN_VALUE;

    /** @param spans the spans in buckets, each including the current one; sums are read by the span's index */
    ViewTallies(int... spans) {
        this.spans = spans.clone();
        int longest = 0;
        for (int span : spans) {
            longest = Math.max(longest, span);
        }
        this.retained = longest;
    }

    void clear() {
        buckets.clear();
        sums.clear();
        current = Long.MIN_VALUE;
    }

    /** The current bucket; {@link Long#MIN_VALUE} before time has been set. */
    long current() {
        return current;
    }

    /** Moves the current bucket on to {@code bucket} if that is later; returns whether it moved. */
    boolean advanceTo(long bucket, Expiry expiry) {
        if (bucket <= current) {
            return false;
        }
        if (current != Long.MIN_VALUE) {
            for (int i = 0; i < spans.length; i++) {
                int span = i;
                for (var leaving : buckets.subMap(current - spans[i], false, bucket - spans[i], true)
                        .values()) {
                    leaving.forEach((article, views) -> sums.get(article)[span] -= views);
                }
            }
        }
        current = bucket;
        var expired = buckets.headMap(current - retained, true);
        expired.forEach((b, counts) -> counts.keySet().forEach(article -> {
            expiry.expired(b, article);
            long[] articleSums = sums.get(article);
            if (articleSums != null && isZero(articleSums)) {
                sums.remove(article);
            }
        }));
        expired.clear();
        return true;
    }

    /**
     * Sets the views of an article in a bucket no later than the current one; returns false, changing nothing, if the
     * bucket is older than the longest span.
     */
    boolean put(String articleId, long bucket, long views) {
        if (bucket <= current - retained || bucket > current) {
            return false;
        }
        Long previous = buckets.computeIfAbsent(bucket, b -> new HashMap<>()).put(articleId, views);
        long delta = views - (previous == null ? 0 : previous);
        long[] articleSums = sums.computeIfAbsent(articleId, a -> new long[spans.length]);
        for (int i = 0; i < spans.length; i++) {
            if (bucket > current - spans[i]) {
                articleSums[i] += delta;
            }
        }
        return true;
    }

    /** The article's views in a bucket, 0 if none are known. */
    long views(String articleId, long bucket) {
        Map<String, Long> counts = buckets.get(bucket);
        Long views = counts == null ? null : counts.get(articleId);
        return views == null ? 0 : views;
    }

    /** The article's views in the span of index {@code span}. */
    long sum(String articleId, int span) {
        long[] articleSums = sums.get(articleId);
        return articleSums == null ? 0 : articleSums[span];
    }

    /** The articles with views in the longest span. */
    Set<String> articles() {
        return sums.keySet();
    }

    private static boolean isZero(long[] values) {
        for (long value : values) {
            if (value != 0) {
                return false;
            }
        }
        return true;
    }
}
