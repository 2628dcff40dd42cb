package io.kabar.related.index;

import io.kabar.platform.kafka.KafkaClients;
import io.kabar.platform.kafka.TopicMirror;
import io.kabar.related.ranking.RankingSettings;
import io.kabar.related.ranking.RelatedFinder;
import io.kabar.related.ranking.StoryIndex;
import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.ArticleEventType;
import io.kabar.schemas.topics.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the in-memory story index and keeps it fed from the whole of {@code news.articles}, on every instance. */
@Configuration(proxyBeanMethods = false)
class IndexConfiguration {

    @Bean(destroyMethod = "close")
    StoryIndex storyIndex() {
        return new StoryIndex();
    }

    @Bean
    IndexedArticles indexedArticles(StoryIndex storyIndex, MeterRegistry meters) {
        IndexedArticles articles = new IndexedArticles(storyIndex);
        Gauge.builder("kabar.related.index.size", articles, IndexedArticles::size)
                .description("published articles in the local index")
                .register(meters);
        return articles;
    }

    @Bean
    RelatedFinder relatedFinder(StoryIndex storyIndex, Clock clock) {
        return new RelatedFinder(storyIndex, RankingSettings.DEFAULTS, clock);
    }

    @Bean
    TopicMirror<ArticleEvent> articlesMirror(KafkaClients clients, IndexedArticles articles) {
        return clients.mirror(Topics.ARTICLES, (id, event) -> {
            if (event == null) {
                articles.unpublished(id, IndexedArticles.DELETED);
            } else if (event.getEventType() == ArticleEventType.UNPUBLISHED) {
                articles.unpublished(id, event.getArticle().getRevision());
            } else {
                articles.published(
                        StoryRecords.fromAvro(event.getArticle()), StoryRecords.editorialOf(event.getArticle()));
            }
        });
    }
}
