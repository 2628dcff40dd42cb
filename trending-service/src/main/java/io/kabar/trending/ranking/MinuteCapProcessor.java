package io.kabar.trending.ranking;

import io.kabar.schemas.PageView;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Passes on at most a configured number of views per cap key and minute: the client cap (new sessions per article and
 * client address) and the session cap (distinct articles per session).
 *
 * <p>Both run after the dedupe step, so every view they see is a session's first counted view of its article within
 * the dedupe interval: counting views per article and client counts distinct sessions, and counting views per session
 * counts distinct articles. A view counts in the minute of its own time, whatever the stream time of the task, so the
 * cap holds for views that arrive out of order; the store must keep minutes as long as such views can still count.
 *
 * @param <V> the record value
 */
final class MinuteCapProcessor<V> implements FixedKeyProcessor<String, V, V> {

    private final String storeName;
    private final int cap;
    private final Function<FixedKeyRecord<String, V>, String> capKey;
    private FixedKeyProcessorContext<String, V> context;
    private WindowStore<String, Integer> counted;

    private MinuteCapProcessor(String storeName, int cap, Function<FixedKeyRecord<String, V>, String> capKey) {
        this.storeName = storeName;
        this.cap = cap;
        this.capKey = capKey;
    }

    /**
     * At most {@code clientSessionsPerMinute} new sessions per article (the record key), client and minute, so that a
     * script inventing session ids cannot buy an article more views than that many readers behind one address. Views
     * without a client (written before PageView v2) are not capped.
     */
    static MinuteCapProcessor<PageView> perClient(TrendingSettings settings) {
        return new MinuteCapProcessor<>(
                TrendingTopology.CLIENT_STORE,
                settings.clientSessionsPerMinute(),
                record -> record.value().getClient() == null
                        ? null
                        : record.key() + "|" + record.value().getClient());
    }

    /**
     * At most {@code sessionArticlesPerMinute} articles per session (the record key) and minute, so that a crawler or
     * a script walking the site with one session adds at most that many views a minute.
     */
    static MinuteCapProcessor<String> perSession(TrendingSettings settings) {
        return new MinuteCapProcessor<>(
                TrendingTopology.SESSION_STORE, settings.sessionArticlesPerMinute(), FixedKeyRecord::key);
    }

    @Override
    public void init(FixedKeyProcessorContext<String, V> context) {
        this.context = context;
        this.counted = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, V> record) {
        String key = capKey.apply(record);
        if (key == null) {
            context.forward(record);
            return;
        }
        long minute = Buckets.startOf(Buckets.of(record.timestamp()));
        Integer sofar = counted.fetch(key, minute);
        int next = sofar == null ? 1 : sofar + 1;
        if (next > cap) {
            return;
        }
        counted.put(key, next, minute);
        context.forward(record);
    }
}
