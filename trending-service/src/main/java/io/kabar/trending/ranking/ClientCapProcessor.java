package io.kabar.trending.ranking;

import io.kabar.schemas.PageView;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Passes on at most {@code clientSessionsPerMinute} views of one article per client address and minute, so that a
 * script inventing session ids cannot buy an article more views than that many readers behind one address.
 *
 * <p>It runs after the dedupe step, so every view it sees is a new session for the article: counting views per
 * article, client and minute counts distinct sessions. Views without a client are not capped. The state lives in the
 * article's own partition, so the cap costs no repartitioning.
 */
final class ClientCapProcessor implements FixedKeyProcessor<String, PageView, PageView> {

    private final int cap;
    private FixedKeyProcessorContext<String, PageView> context;
    private WindowStore<String, Integer> sessions;

    ClientCapProcessor(TrendingSettings settings) {
        this.cap = settings.clientSessionsPerMinute();
    }

    @Override
    public void init(FixedKeyProcessorContext<String, PageView> context) {
        this.context = context;
        this.sessions = context.getStateStore(TrendingTopology.CLIENT_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, PageView> record) {
        String client = record.value().getClient();
        if (client == null) {
            context.forward(record);
            return;
        }
        String key = record.key() + "|" + client;
        long minute = Buckets.startOf(Buckets.of(record.timestamp()));
        Integer counted = sessions.fetch(key, minute);
        int next = counted == null ? 1 : counted + 1;
        if (next > cap) {
            return;
        }
        sessions.put(key, next, minute);
        context.forward(record);
    }
}
