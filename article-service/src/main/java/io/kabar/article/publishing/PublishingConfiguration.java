package io.kabar.article.publishing;

import static io.kabar.article.catalog.ArticleRecords.fromAvro;

import io.kabar.article.ArticleServiceProperties;
import io.kabar.article.catalog.ArticleCatalog;
import io.kabar.platform.kafka.KafkaClients;
import io.kabar.platform.kafka.TopicMirror;
import io.kabar.schemas.ArticleRequestCompleted;
import io.kabar.schemas.topics.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

/** Wires the write path: a transactional producer bounded by the publish timeout, the ledger and the publisher. */
@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

    @Bean
    IdempotencyLedger idempotencyLedger() {
        return new IdempotencyLedger();
    }

    @Bean
    TopicMirror<ArticleRequestCompleted> articleRequestsMirror(KafkaClients clients, IdempotencyLedger ledger) {
        return clients.mirror(Topics.ARTICLE_REQUESTS, (key, done) -> {
            if (done == null) {
                ledger.forget(key);
            } else {
                ledger.record(new CompletedRequest(
                        key,
                        done.getRequestFingerprint(),
                        fromAvro(done.getArticle(), io.kabar.article.catalog.Article.Status.PUBLISHED),
                        done.getCompletedAt()));
            }
        });
    }

    /**
     * Transactions make an event and its idempotency record atomic; the timeouts bound how long a request waits
     * for an unreachable broker before it answers 503.
     */
    @Bean
    KafkaArticleEventLog articleEventLog(KafkaClients clients, ArticleServiceProperties properties) {
        int timeout = (int) properties.publishTimeout().toMillis();
        DefaultKafkaProducerFactory<String, Object> factory = clients.producerFactory(Map.of(
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                timeout,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                timeout,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                timeout + 1000,
                ProducerConfig.LINGER_MS_CONFIG,
                0));
        // Unique per instance: producer-only transactions need no stable id, only no clash with a sibling instance.
        factory.setTransactionIdPrefix("article-service-" + UUID.randomUUID() + "-");
        return new KafkaArticleEventLog(factory);
    }

    @Bean
    ArticlePublisher articlePublisher(
            ArticleCatalog catalog,
            IdempotencyLedger ledger,
            ArticleEventLog articleEventLog,
            Clock clock,
            ArticleServiceProperties properties,
            MeterRegistry meters) {
        return new ArticlePublisher(catalog, ledger, articleEventLog, clock, properties, meters);
    }
}
