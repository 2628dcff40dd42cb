package io.kabar.notification.matching;

import io.kabar.notification.NotificationProperties;
import io.kabar.notification.subscriptions.SubscriptionView;
import io.kabar.platform.kafka.KafkaClients;
import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.topics.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
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
        var factory = clients.listenerFactory(Topics.ARTICLES, Map.of());
        // Started by the ListenerGate once the subscription view has caught up.
        factory.setAutoStartup(false);
        // A record that keeps failing goes to news.articles.dlt. Not recovered inside the listener's transaction
        // (commitRecovered=false): that would commit whatever the failed attempt had already sent with it.
        var recoverer = new DeadLetterPublishingRecoverer(
                transactions.template(),
                (record, exception) ->
                        new TopicPartition(Topics.ARTICLES.deadLetter().name(), -1));
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxAttempts(3);
        factory.setAfterRollbackProcessor(
                new DefaultAfterRollbackProcessor<>(recoverer, backOff, transactions.template(), false));
        factory.getContainerProperties().setKafkaAwareTransactionManager(transactions.manager());
        factory.getContainerProperties()
                .setConsumerRebalanceListener(
                        new LedgerRestorer(ledger, clients.grouplessConsumers(Topics.ALERTED_ARTICLES)));
        return factory;
    }

    @Bean
    ArticleMatcher articleMatcher(
            MatcherTransactions transactions,
            AlertLedger ledger,
            SubscriptionView subscriptions,
            Clock clock,
            NotificationProperties properties,
            MeterRegistry meters) {
        return new ArticleMatcher(transactions.template(), ledger, subscriptions, clock, properties, meters);
    }
}
