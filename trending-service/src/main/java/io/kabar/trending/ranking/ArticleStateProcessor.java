package io.kabar.trending.ranking;

import io.kabar.schemas.ArticleEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Keeps the latest revision of every article and pushes each accepted change into the rankings: an unpublished
 * article, or one that left its category, is removed; a published one has its open window counts re-sent with its
 * new title, URL and category.
 *
 * <p>Older or repeated revisions are ignored, an unpublished revision included, so a replayed PUBLISHED cannot revive
 * an article. A tombstone deletes the article.
 */
final class ArticleStateProcessor implements Processor<String, ArticleEvent, String, RankingUpdate> {

    private final List<TrendingWindow> windows;
    private final Map<TrendingWindow, TimestampedWindowStore<String, Long>> counts = new LinkedHashMap<>();
    private ProcessorContext<String, RankingUpdate> context;
    private KeyValueStore<String, ArticleInfo> articles;

    ArticleStateProcessor(TrendingSettings settings) {
        this.windows = settings.windows();
    }

    @Override
    public void init(ProcessorContext<String, RankingUpdate> context) {
        this.context = context;
        this.articles = context.getStateStore(TrendingTopology.ARTICLE_STORE);
        windows.forEach(w -> counts.put(w, context.getStateStore(TrendingTopology.countStore(w))));
    }

    @Override
    public void process(Record<String, ArticleEvent> record) {
        if (record.value() == null) {
            if (record.key() != null) {
                ArticleInfo previous = articles.get(record.key());
                articles.delete(record.key());
                removeFromRankings(record, previous, null);
            }
            return;
        }
        ArticleInfo next = ArticleInfo.from(record.value());
        ArticleInfo previous = articles.get(next.id());
        if (previous != null && next.revision() <= previous.revision()) {
            return;
        }
        articles.put(next.id(), next);
        removeFromRankings(record, previous, next);
        if (next.published()) {
            resendCounts(record, next);
        }
    }

    private void removeFromRankings(Record<?, ?> cause, ArticleInfo previous, ArticleInfo next) {
        if (previous == null || !previous.published()) {
            return;
        }
        boolean gone = next == null || !next.published();
        boolean moved = !gone && !previous.category().equals(next.category());
        for (TrendingWindow window : windows) {
            if (gone) {
                forward(cause, RankingKey.overall(window.name()), RankingUpdate.removal(previous.id()));
            }
            if (gone || moved) {
                forward(cause, RankingKey.of(window.name(), previous.category()), RankingUpdate.removal(previous.id()));
            }
        }
    }

    private void resendCounts(Record<?, ?> cause, ArticleInfo article) {
        for (TrendingWindow window : windows) {
            try (WindowStoreIterator<ValueAndTimestamp<Long>> open =
                    counts.get(window).fetch(article.id(), 0, Long.MAX_VALUE)) {
                while (open.hasNext()) {
                    KeyValue<Long, ValueAndTimestamp<Long>> count = open.next();
                    RankingUpdate update = RankingUpdate.count(article, count.key, count.value.value());
                    RankingKey.forArticle(window, article.category()).forEach(key -> forward(cause, key, update));
                }
            }
        }
    }

    private void forward(Record<?, ?> cause, RankingKey key, RankingUpdate update) {
        context.forward(new Record<>(key.asString(), update, cause.timestamp()));
    }
}
