package io.kabar.trending.ranking;

import io.kabar.schemas.PageView;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Passes on the page views worth counting: at most one per session and article within the dedupe interval, and none
 * that arrive later than the grace behind stream time.
 *
 * <p>The store holds the times of counted views per {@code articleId|sessionId} and forgets them after the dedupe
 * interval plus grace, the furthest back a view that is still accepted can look.
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
        try (WindowStoreIterator<Long> near =
                counted.fetch(sessionKey, viewedAt - intervalMs + 1, viewedAt + intervalMs - 1)) {
            if (near.hasNext()) {
                return;
            }
        }
        counted.put(sessionKey, viewedAt, viewedAt);
        context.forward(record);
    }
}
