package io.kabar.trending.ranking;

import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Turns an article's view count in one window into updates of the overall and the category ranking, carrying the
 * article's current state; counts of unknown or unpublished articles go nowhere.
 */
final class CountEnricher implements Processor<Windowed<String>, Long, String, RankingUpdate> {

    private final TrendingWindow window;
    private ProcessorContext<String, RankingUpdate> context;
    private KeyValueStore<String, ArticleInfo> articles;

    CountEnricher(TrendingWindow window) {
        this.window = window;
    }

    @Override
    public void init(ProcessorContext<String, RankingUpdate> context) {
        this.context = context;
        this.articles = context.getStateStore(TrendingTopology.ARTICLE_STORE);
    }

    @Override
    public void process(Record<Windowed<String>, Long> record) {
        if (record.value() == null) {
            return;
        }
        ArticleInfo article = articles.get(record.key().key());
        if (article == null || !article.published()) {
            return;
        }
        RankingUpdate update =
                RankingUpdate.count(article, record.key().window().start(), record.value());
        for (RankingKey key : RankingKey.forArticle(window, article.category())) {
            context.forward(record.withKey(key.asString()).withValue(update));
        }
    }
}
