package io.kabar.article.publishing;

import static io.kabar.article.catalog.ArticleRecords.fromAvro;

import io.kabar.article.ArticleServiceProperties;
import io.kabar.article.catalog.ArticleCatalog;
import io.kabar.platform.kafka.KafkaClients;
import io.kabar.platform.kafka.TopicMirror;
import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.ArticleRequestCompleted;
import io.kabar.schemas.topics.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

/**
 * Wires the write path: the requester's command producer and outcome follower, and the owner's command processor
 * with its transactional producer, all bounded by the publish timeout.
 */
@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

    @Bean
    IdempotencyLedger idempotencyLedger(Clock clock) {
        return new IdempotencyLedger(Topics.ARTICLE_REQUESTS.retention().orElseThrow(), clock);
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

    @Bean
    KafkaCommandLog commandLog(KafkaClients clients, ArticleServiceProperties properties) {
        return new KafkaCommandLog(
                clients.producerFactory(Topics.ARTICLE_COMMANDS, KafkaClients.boundedBy(properties.publishTimeout())),
                properties.publishTimeout());
    }

    @Bean
    PendingOutcomes pendingOutcomes() {
        return new PendingOutcomes();
    }

    @Bean
    OutcomeFollower outcomeFollower(KafkaClients clients, PendingOutcomes pending) {
        return new OutcomeFollower(clients.grouplessConsumers(Topics.ARTICLE_COMMAND_OUTCOMES), pending);
    }

    @Bean
    ArticleCommands articleCommands(
            CommandLog commandLog,
            PendingOutcomes pending,
            OutcomeFollower follower,
            ArticleCatalog catalog,
            IdempotencyLedger ledger,
            Clock clock,
            ArticleServiceProperties properties,
            MeterRegistry meters) {
        return new ArticleCommands(
                commandLog, pending, follower::isPositioned, catalog, ledger, clock, properties, meters);
    }

    /**
     * The owner's side. Its producer's transactions make a batch's events, idempotency records, outcomes and consumed
     * offsets atomic, and fence a former owner of the partition; the id prefix only has to be unique per instance.
     */
    @Bean
    CommandProcessor commandProcessor(
            KafkaClients clients,
            ArticleCatalog catalog,
            IdempotencyLedger ledger,
            TopicMirror<ArticleEvent> articlesMirror,
            TopicMirror<ArticleRequestCompleted> articleRequestsMirror,
            Clock clock,
            ArticleServiceProperties properties,
            MeterRegistry meters) {
        DefaultKafkaProducerFactory<String, Object> producers =
                clients.producerFactory(KafkaClients.boundedBy(properties.publishTimeout()));
        producers.setTransactionIdPrefix("article-service-" + UUID.randomUUID() + "-");
        var consumers = clients.consumerFactory(
                Topics.ARTICLE_COMMANDS,
                Map.of(
                        ConsumerConfig.GROUP_ID_CONFIG,
                        CommandProcessor.GROUP,
                        // Moving a partition stops only that partition's owner, not every member of the group.
                        ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                        CooperativeStickyAssignor.class.getName(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"));
        return new CommandProcessor(
                consumers::createConsumer,
                producers,
                new ArticlePublisher(properties.baseUrl()),
                catalog,
                ledger,
                articlesMirror,
                articleRequestsMirror,
                clock,
                properties.catchUpTimeout(),
                meters);
    }
}
