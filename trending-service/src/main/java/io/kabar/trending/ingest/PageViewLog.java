package io.kabar.trending.ingest;

import io.kabar.schemas.PageView;
import io.kabar.schemas.topics.Topics;
import io.kabar.trending.ranking.TrendingTopology;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Appends page views to {@code news.page-views}, keyed as the counting needs ({@link TrendingTopology#pageViewKey}:
 * client address hash, else session id), sharing one batching producer.
 */
final class PageViewLog implements DisposableBean {

    private final DefaultKafkaProducerFactory<String, PageView> producers;
    private final KafkaTemplate<String, PageView> template;

    PageViewLog(DefaultKafkaProducerFactory<String, PageView> producers) {
        this.producers = producers;
        this.template = new KafkaTemplate<>(producers);
    }

    /** Completes when the broker has acknowledged every view; sending itself blocks only while the buffer is full. */
    CompletableFuture<Void> append(List<PageView> views) {
        CompletableFuture<?>[] acks = new CompletableFuture<?>[views.size()];
        for (int i = 0; i < acks.length; i++) {
            PageView view = views.get(i);
            acks[i] = template.send(Topics.PAGE_VIEWS.name(), TrendingTopology.pageViewKey(view), view);
        }
        return CompletableFuture.allOf(acks);
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
