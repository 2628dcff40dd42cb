package io.kabar.related.refresh;

import io.kabar.platform.kafka.KafkaClients;
import io.kabar.related.RelatedLinksProperties;
import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.RelatedLinksRefreshRequested;
import io.kabar.schemas.topics.Topics;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

/** Wires the two listeners of the consumer group (plan on {@code news.articles}, compute on the requests) and their producer. */
@Configuration(proxyBeanMethods = false)
class RefreshConfiguration {

    /** The consumer group every instance joins: each partition of its topics is worked by one instance at a time. */
    static final String GROUP = "related-links-service";

    /** Requests coalesced per poll at most; each one costs one ranking query. */
    private static final int MAX_REQUESTS_PER_POLL = 100;

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, ArticleEvent> articlesListenerFactory(KafkaClients clients) {
        return clients.listenerFactory(Topics.ARTICLES, Map.of());
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, RelatedLinksRefreshRequested> requestsListenerFactory(
            KafkaClients clients) {
        var factory = clients.listenerFactory(
                Topics.RELATED_LINKS_REQUESTS, Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_REQUESTS_PER_POLL));
        factory.setBatchListener(true);
        return factory;
    }

    @Bean(destroyMethod = "close")
    Deliveries deliveries(KafkaClients clients, RelatedLinksProperties properties) {
        var factory = clients.producerFactory(Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int)
                properties.sendTimeout().toMillis()));
        return new Deliveries(factory, properties.sendTimeout());
    }
}
