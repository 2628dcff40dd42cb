package io.kabar.notification.matching;

import io.kabar.notification.NotificationProperties;
import io.kabar.notification.PartitionStateRestorer;
import io.kabar.notification.alerts.AlertRecords;
import io.kabar.notification.subscriptions.SubscriptionView;
import io.kabar.platform.kafka.KafkaClients;
import io.kabar.schemas.AlertFanOut;
import io.kabar.schemas.AlertedArticle;
import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.topics.TopicSpec;
import io.kabar.schemas.topics.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.util.backoff.ExponentialBackOff;

/** Wires the matcher: a listener container that consumes and produces in one Kafka transaction per event. */
@Configuration(proxyBeanMethods = false)
class MatchingConfiguration {

    @Bean
    MatcherTransactions matcherTransactions(KafkaClients clients) {
        return new MatcherTransactions(clients);
    }

    @Bean
    AlertLedger alertLedger(MeterRegistry meters) {
        AlertLedger ledger = new AlertLedger();
        Gauge.builder("kabar.notifications.matcher.articles", ledger, AlertLedger::size)
                .description("article states held by this instance's matcher")
                .register(meters);
        return ledger;
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, ArticleEvent> matcherContainerFactory(
            KafkaClients clients, MatcherTransactions transactions, AlertLedger ledger) {
        var factory = transactional(clients.listenerFactory(Topics.ARTICLES, Map.of()), Topics.ARTICLES, transactions);
        factory.getContainerProperties()
                .setConsumerRebalanceListener(new PartitionStateRestorer<>(
                        Topics.ALERTED_ARTICLES,
                        Topics.ARTICLES,
                        clients.grouplessConsumers(Topics.ALERTED_ARTICLES),
                        (partition, articleId, alerted) -> restore(ledger, partition, articleId, alerted),
                        ledger::forget));
        return factory;
    }

    /** One record of {@code news.alerted-articles} into the ledger; a tombstone leaves nothing to remember. */
    private static void restore(AlertLedger ledger, int partition, String articleId, AlertedArticle alerted) {
        if (alerted != null) {
            ledger.record(
                    articleId,
                    new AlertLedger.Entry(
                            partition,
                            alerted.getRevision(),
                            alerted.getAlertId(),
                            alerted.getLastAlert() == null ? null : AlertRecords.fromAvro(alerted.getLastAlert())));
        }
    }

    /**
     * The fan-out's later chunks: a group of its own, since the matcher's partitions carry ledger state; one consumer
     * per slice, whose chains of chunks are asked for on partitions of their own, so that they are written side by side.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, AlertFanOut> fanOutContainerFactory(
            KafkaClients clients, MatcherTransactions transactions) {
        var factory = transactional(
                clients.listenerFactory(Topics.ALERT_FANOUTS, Map.of()), Topics.ALERT_FANOUTS, transactions);
        factory.setConcurrency(FanOutPlan.SLICES);
        return factory;
    }

    /**
     * Each record in a transaction of the matcher's producer; started by the ListenerGate once the subscription view
     * has caught up. A record that keeps failing goes to the topic's dead letters, not recovered inside the listener's
     * transaction (commitRecovered=false): that would commit whatever the failed attempt had already sent with it.
     */
    private static <V> ConcurrentKafkaListenerContainerFactory<String, V> transactional(
            ConcurrentKafkaListenerContainerFactory<String, V> factory,
            TopicSpec<String, V> topic,
            MatcherTransactions transactions) {
        factory.setAutoStartup(false);
        var recoverer = new DeadLetterPublishingRecoverer(
                transactions.template(),
                (record, exception) -> new TopicPartition(topic.deadLetter().name(), -1));
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxAttempts(3);
        factory.setAfterRollbackProcessor(
                new DefaultAfterRollbackProcessor<>(recoverer, backOff, transactions.template(), false));
        factory.getContainerProperties().setKafkaAwareTransactionManager(transactions.manager());
        return factory;
    }

    @Bean
    FanOutWriter fanOutWriter(
            MatcherTransactions transactions,
            SubscriptionView subscriptions,
            NotificationProperties properties,
            ObjectProvider<FanOutWriter.Checkpoint> checkpoint,
            Clock clock,
            MeterRegistry meters) {
        return new FanOutWriter(
                transactions.template(),
                subscriptions,
                properties.fanOutChunk(),
                checkpoint.getIfAvailable(() -> FanOutWriter.Checkpoint.NONE),
                clock,
                meters);
    }

    @Bean
    ArticleMatcher articleMatcher(
            MatcherTransactions transactions,
            AlertLedger ledger,
            FanOutWriter fanOut,
            Clock clock,
            NotificationProperties properties,
            MeterRegistry meters) {
        return new ArticleMatcher(transactions.template(), ledger, fanOut, clock, properties, meters);
    }
}
