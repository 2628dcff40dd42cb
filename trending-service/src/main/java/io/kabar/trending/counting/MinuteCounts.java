package io.kabar.trending.counting;

import java.util.HashMap;
import java.util.Map;

/**
 * The views counted per article and minute since they were last handed on, with the latest view time of each (the
 * timestamp of the increment record, so that the ranking stage's stream time follows the views).
 */
final class MinuteCounts {

    static final long MINUTE_MS = 60_000L;

    private final Map<ArticleMinute, Increment> pending = new HashMap<>();

    private record ArticleMinute(String articleId, long minute) {}

    private static final class Increment {
        private long views;
        private long latest = Long.MIN_VALUE;
    }

    void add(String articleId, long viewedAt) {
        Increment increment = pending.computeIfAbsent(
                new ArticleMinute(articleId, Math.floorDiv(viewedAt, MINUTE_MS)), k -> new Increment());
        increment.views++;
        increment.latest = Math.max(increment.latest, viewedAt);
    }

    /** Hands every increment on and forgets them. */
    void drainTo(PartitionCounts.Sink sink) {
        pending.forEach(
                (key, increment) -> sink.accept(key.articleId(), key.minute(), increment.views, increment.latest));
        pending.clear();
    }

    /** Forgets them without handing them on: their transaction was aborted, the views will be counted again. */
    void clear() {
        pending.clear();
    }
}
