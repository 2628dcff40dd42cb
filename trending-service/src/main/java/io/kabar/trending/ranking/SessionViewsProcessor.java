package io.kabar.trending.ranking;

import io.kabar.schemas.PageView;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;

/**
 * In the view's partition (where every view of its session from one address lands, see {@link
 * TrendingTopology#pageViewKey}), passes on the views worth counting: a session's first view of an article within the
 * dedupe interval, and at most the session cap of them per minute of the views' own time.
 *
 * <p>Both rules read one record per session and slot of two dedupe intervals ({@link SessionSlot}), so a counted view
 * costs two point lookups (its slot and the nearer neighbour) and one write, and a dropped view no write at all. A
 * view the cap drops is not recorded, which bounds a slot at the cap times its minutes however hard a crawler tries;
 * its session may view that article again and count once the cap allows.
 */
final class SessionViewsProcessor implements FixedKeyProcessor<byte[], PageView, PageView> {

    private final long intervalMs;
    private final long widthMs;
    private final int cap;
    private FixedKeyProcessorContext<byte[], PageView> context;
    private WindowStore<String, SessionSlot> slots;

    SessionViewsProcessor(TrendingSettings settings) {
        this.intervalMs = settings.dedupeInterval().toMillis();
        this.widthMs = slotWidth(settings).toMillis();
        this.cap = settings.sessionArticlesPerMinute();
    }

    @Override
    public void init(FixedKeyProcessorContext<byte[], PageView> context) {
        this.context = context;
        this.slots = context.getStateStore(TrendingTopology.SESSION_STORE);
    }

    @Override
    public void process(FixedKeyRecord<byte[], PageView> record) {
        String sessionId = record.value().getSessionId();
        String articleId = record.value().getArticleId();
        long viewedAt = record.timestamp();
        long slot = Math.floorDiv(viewedAt, widthMs) * widthMs;
        // The views within an interval of this one lie in its slot and the neighbour on the nearer side; so does its
        // minute, as an interval is at least a minute.
        long neighbourSlot = viewedAt - slot < intervalMs ? slot - widthMs : slot + widthMs;
        SessionSlot own = slot(sessionId, slot);
        SessionSlot neighbour = slot(sessionId, neighbourSlot);
        if (own.counted(articleId, viewedAt, intervalMs) || neighbour.counted(articleId, viewedAt, intervalMs)) {
            return;
        }
        long minute = Buckets.of(viewedAt);
        if (own.countedIn(minute) + neighbour.countedIn(minute) >= cap) {
            return;
        }
        slots.put(sessionId, own.with(new SessionSlot.Viewed(articleId, viewedAt)), slot);
        context.forward(record);
    }

    /** Two dedupe intervals: a view then needs its own slot and one neighbour, two lookups. */
    static Duration slotWidth(TrendingSettings settings) {
        return settings.dedupeInterval().multipliedBy(2);
    }

    private SessionSlot slot(String sessionId, long start) {
        SessionSlot slot = slots.fetch(sessionId, start);
        return slot == null ? SessionSlot.EMPTY : slot;
    }
}
