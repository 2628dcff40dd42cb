package io.kabar.trending.ranking;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;

/**
 * In the session's partition (key: session id, value: article id, timestamp: the view's time), passes on the views
 * worth counting: a session's first view of an article within the dedupe interval, and at most the session cap of
 * them per minute of the views' own time.
 *
 * <p>Both rules read one record per session and dedupe-interval-long slot ({@link SessionSlot}), so a counted view
 * costs three point lookups (its slot and the two beside it: two counted views of one article are an interval apart)
 * and one write, and a dropped view no write at all. A view the cap drops is not recorded, which bounds a slot at the
 * cap times its minutes however hard a crawler tries; its session may view that article again and count once the
 * cap allows. Views arrive here from every partition, out of event-time order and under a backlog far behind stream
 * time, so the store keeps every slot a view could still count in (the longest span plus the grace).
 */
final class SessionViewsProcessor implements FixedKeyProcessor<String, String, String> {

    private final long intervalMs;
    private final int cap;
    private FixedKeyProcessorContext<String, String> context;
    private WindowStore<String, SessionSlot> slots;

    SessionViewsProcessor(TrendingSettings settings) {
        this.intervalMs = settings.dedupeInterval().toMillis();
        this.cap = settings.sessionArticlesPerMinute();
    }

    @Override
    public void init(FixedKeyProcessorContext<String, String> context) {
        this.context = context;
        this.slots = context.getStateStore(TrendingTopology.SESSION_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, String> record) {
        String articleId = record.value();
        if (record.key() == null || articleId == null) {
            return;
        }
        long viewedAt = record.timestamp();
        long slot = Math.floorDiv(viewedAt, intervalMs) * intervalMs;
        SessionSlot before = slot(record.key(), slot - intervalMs);
        SessionSlot own = slot(record.key(), slot);
        SessionSlot after = slot(record.key(), slot + intervalMs);
        if (before.counted(articleId, viewedAt, intervalMs)
                || own.counted(articleId, viewedAt, intervalMs)
                || after.counted(articleId, viewedAt, intervalMs)) {
            return;
        }
        // The minute may straddle a slot boundary when the interval is not whole minutes.
        long minute = Buckets.of(viewedAt);
        if (before.countedIn(minute) + own.countedIn(minute) + after.countedIn(minute) >= cap) {
            return;
        }
        slots.put(record.key(), own.with(new SessionSlot.Viewed(articleId, viewedAt)), slot);
        context.forward(record);
    }

    private SessionSlot slot(String sessionId, long start) {
        SessionSlot slot = slots.fetch(sessionId, start);
        return slot == null ? SessionSlot.EMPTY : slot;
    }
}
