package io.kabar.trending.ranking;

import io.kabar.schemas.PageView;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;

/**
 * In the view's partition (key: client address hash, see {@link TrendingTopology#pageViewKey}), passes on the page
 * views that arrive at most the grace behind stream time and whose session is one of the first {@code
 * clientSessionsPerMinute} sessions of their client address to view the article in that minute, so that a script
 * inventing session ids cannot buy an article more views than that many readers behind one address.
 *
 * <p>The store holds those sessions per {@code articleId|client} and minute: a view of a session already among them
 * passes without a write (the dedupe next decides whether it counts), so a reader who reloads does not use up the
 * address's places. Views without a client (written before PageView v2) are not capped.
 */
final class ClientCapProcessor implements FixedKeyProcessor<byte[], PageView, PageView> {

    private final long graceMs;
    private final int cap;
    private FixedKeyProcessorContext<byte[], PageView> context;
    private WindowStore<String, List<String>> sessions;

    ClientCapProcessor(TrendingSettings settings) {
        this.graceMs = settings.grace().toMillis();
        this.cap = settings.clientSessionsPerMinute();
    }

    @Override
    public void init(FixedKeyProcessorContext<byte[], PageView> context) {
        this.context = context;
        this.sessions = context.getStateStore(TrendingTopology.CLIENT_STORE);
    }

    @Override
    public void process(FixedKeyRecord<byte[], PageView> record) {
        PageView view = record.value();
        // Too late a view is dropped here, first, so that the steps after it keep only a grace of state behind.
        if (view == null || record.timestamp() < context.currentStreamTimeMs() - graceMs) {
            return;
        }
        if (view.getClient() == null) {
            context.forward(record);
            return;
        }
        String key = view.getArticleId() + "|" + view.getClient();
        long minute = Buckets.startOf(Buckets.of(record.timestamp()));
        List<String> seen = sessions.fetch(key, minute);
        if (seen != null && seen.contains(view.getSessionId())) {
            context.forward(record);
            return;
        }
        if (seen != null && seen.size() >= cap) {
            return;
        }
        List<String> more = new ArrayList<>(seen == null ? List.of() : seen);
        more.add(view.getSessionId());
        sessions.put(key, more, minute);
        context.forward(record);
    }
}
