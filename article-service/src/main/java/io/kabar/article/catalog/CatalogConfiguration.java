package io.kabar.article.catalog;

import io.kabar.platform.kafka.KafkaClients;
import io.kabar.platform.kafka.TopicMirror;
import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.topics.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the catalog and keeps it fed from {@code news.articles}. */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    ArticleCatalog articleCatalog(MeterRegistry meters) {
        ArticleCatalog catalog = new ArticleCatalog();
        Gauge.builder("kabar.articles.catalog.size", catalog, ArticleCatalog::size)
                .description("articles held in the read model")
                .register(meters);
        return catalog;
    }

    @Bean
    TopicMirror<ArticleEvent> articlesMirror(KafkaClients clients, ArticleCatalog catalog) {
        return clients.mirror(Topics.ARTICLES, ArticleRecords::fromEvent, catalog::apply, catalog::remove);
    }
}
