package io.kabar.trending.ranking;

import io.kabar.schemas.PageView;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Passes on the page views worth counting: at most one per session and article within the dedupe interval, and none
 * that arrive later than the grace behind stream time.
 *
 * <p>The store holds the time of each counted view per {@code articleId|sessionId}, filed under the start of its
 * dedupe-interval-long slot: two counted views of a session and article are at least an interval apart, so a slot
 * holds at most one, and a view is checked with three point lookups (its slot and the two beside it) rather than a
 * range scan. Slots are forgotten once no view that is still accepted (grace) can look back to them.
 */
final class ViewDedupeProcessor implements FixedKeyProcessor<String, PageView, PageView> {

    private final long intervalMs;
    private final long graceMs;
    private FixedKeyProcessorContext<String, PageView> context;
    private WindowStore<String, Long> counted;

    ViewDedupeProcessor(TrendingSettings settings) {
        this.intervalMs = settings.dedupeInterval().toMillis();
        this.graceMs = settings.grace().toMillis();
    }

    @Override
    public void init(FixedKeyProcessorContext<String, PageView> context) {
        this.context = context;
        this.counted = context.getStateStore(TrendingTopology.DEDUPE_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, PageView> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        long viewedAt = record.timestamp();
        // Dropping too-late views here, not only in the windows, keeps the dedupe store's retention sufficient.
        if (viewedAt < context.currentStreamTimeMs() - graceMs) {
            return;
        }
        String sessionKey = record.key() + "|" + record.value().getSessionId();
        long slot = Math.floorDiv(viewedAt, intervalMs) * intervalMs;
        if (countedNear(sessionKey, slot, viewedAt)
                || countedNear(sessionKey, slot - intervalMs, viewedAt)
                || countedNear(sessionKey, slot + intervalMs, viewedAt)) {
            return;
        }
        counted.put(sessionKey, viewedAt, slot);
        context.forward(record);
    }

    /** Whether the slot holds a counted view closer to {@code viewedAt} than the dedupe interval. */
    private boolean countedNear(String sessionKey, long slot, long viewedAt) {
        Long other = counted.fetch(sessionKey, slot);
        return other != null && Math.abs(viewedAt - other) < intervalMs;
    }
}
