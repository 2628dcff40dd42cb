package io.kabar.trending.ranking;

import io.kabar.schemas.PageView;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Counts the views that passed the caps and the dedupe (timestamp: the view's time) per article and minute, in the
 * views' own partition, and hands the counts on to the ranking stage as increments once per rank interval: one record
 * per active article and minute, however many views there are, without a repartition by article. (Handing them on
 * more often than the ranking stage ranks would only send it more records.)
 *
 * <p>The increments not yet handed on are kept in a store (an in-memory copy serves the reads): an increment is
 * deleted in the same transaction that forwards it, so a crash between commits loses none and forwards none twice.
 * With the record cache disabled ({@code statestore.cache.max.bytes=0}) every view is handed on at once, as the
 * DSL's cached aggregations do.
 */
final class MinuteViewsProcessor implements Processor<byte[], PageView, String, RankingInput> {

    private final Duration interval;
    private final Map<String, Pending> pending = new HashMap<>();
    private ProcessorContext<String, RankingInput> context;
    private KeyValueStore<String, Long> store;
    private boolean coalesce;

    /** The views of one article and minute not yet handed on, and the latest view time among them. */
    private static final class Pending {
        private long views;
        private long latest;

        Pending(long views, long latest) {
            this.views = views;
            this.latest = latest;
        }
    }

    MinuteViewsProcessor(TrendingSettings settings) {
        this.interval = settings.rankInterval();
    }

    @Override
    public void init(ProcessorContext<String, RankingInput> context) {
        this.context = context;
        this.store = context.getStateStore(TrendingTopology.MINUTE_VIEWS_STORE);
        pending.clear();
        try (KeyValueIterator<String, Long> all = store.all()) {
            all.forEachRemaining(entry ->
                    pending.put(entry.key, new Pending(entry.value, Buckets.startOf(MinuteKey.bucketOf(entry.key)))));
        }
        Object cacheBytes = context.appConfigs().get(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG);
        coalesce = cacheBytes == null || Long.parseLong(cacheBytes.toString()) > 0;
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, now -> flush());
    }

    @Override
    public void process(Record<byte[], PageView> record) {
        String key = MinuteKey.of(Buckets.of(record.timestamp()), record.value().getArticleId());
        Pending views = pending.get(key);
        if (views == null) {
            views = new Pending(0, record.timestamp());
            pending.put(key, views);
        }
        views.views++;
        views.latest = Math.max(views.latest, record.timestamp());
        store.put(key, views.views);
        if (!coalesce) {
            flush();
        }
    }

    private void flush() {
        pending.forEach((key, views) -> {
            String articleId = MinuteKey.articleOf(key);
            context.forward(new Record<>(
                    articleId,
                    new RankingInput.BucketViews(articleId, MinuteKey.bucketOf(key), views.views),
                    views.latest));
            store.delete(key);
        });
        pending.clear();
    }
}
