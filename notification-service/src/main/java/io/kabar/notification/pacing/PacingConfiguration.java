package io.kabar.notification.pacing;

import io.kabar.notification.PartitionStateRestorer;
import io.kabar.notification.subscriptions.SubscriptionView;
import io.kabar.platform.kafka.KafkaClients;
import io.kabar.platform.kafka.TopicMirror;
import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.topics.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Wires pacing: the gate before first webhook attempts, its state restorer, its transactional writer, the mirror of
 * withdrawn articles and the scan that releases due digests. A {@link PacingClock} bean, if any, replaces the service
 * clock (tests).
 */
@Configuration(proxyBeanMethods = false)
class PacingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PacingConfiguration.class);

    @Bean
    Retractions retractions(PacingProperties properties, MeterRegistry meters) {
        Retractions retractions = new Retractions(properties.retractionMemory());
        Gauge.builder("kabar.notifications.pacing.retractions", retractions, Retractions::size)
                .description("articles withdrawn lately, kept out of digests")
                .register(meters);
        return retractions;
    }

    @Bean
    TopicMirror<ArticleEvent> retractionsMirror(KafkaClients clients, Retractions retractions, Clock clock) {
        return clients.mirror(Topics.ARTICLES, (id, event) -> retractions.apply(id, event, clock.instant()));
    }

    @Bean
    HeldAlertsLog heldAlertsLog(KafkaClients clients) {
        DefaultKafkaProducerFactory<String, Object> producers = clients.producerFactory(Map.of());
        // One writer per partition at a time (its owner in the webhook group); the prefix only has to be unique.
        producers.setTransactionIdPrefix("notification-pacing-" + UUID.randomUUID() + "-");
        return new HeldAlertsLog(producers);
    }

    @Bean
    PacingGate pacingGate(
            SubscriptionView subscriptions,
            HeldAlertsLog heldAlertsLog,
            Retractions retractions,
            ObjectProvider<PacingClock> pacingClock,
            Clock clock,
            PacingProperties properties,
            MeterRegistry meters) {
        PacingGate gate = new PacingGate(
                subscriptions,
                heldAlertsLog,
                retractions,
                pacingClock.getIfAvailable(() -> clock::instant),
                // Never shorter than a delivery may be redelivered: while it is on its topic.
                Collections.max(List.of(
                        properties.retractionMemory(),
                        Topics.ALERT_DELIVERIES.retention().orElseThrow())),
                meters);
        Gauge.builder("kabar.notifications.pacing.subscriptions", gate, PacingGate::size)
                .description("paced subscriptions with alerts counted today or held, on this instance")
                .register(meters);
        return gate;
    }

    @Bean
    ConsumerAwareRebalanceListener heldAlertsRestorer(KafkaClients clients, PacingGate gate) {
        // The owner of a subscription's deliveries owns its pacing state.
        return new PartitionStateRestorer<>(
                Topics.HELD_ALERTS,
                Topics.ALERT_DELIVERIES,
                clients.grouplessConsumers(Topics.HELD_ALERTS),
                (partition, subscriptionId, held) -> gate.restored(
                        partition, subscriptionId, held == null ? null : HeldAlertsRecords.fromAvro(held)),
                gate::forget);
    }

    /** Releases due digests every {@code release-every}, once withdrawn articles are known. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService digestReleaser(
            PacingGate gate, TopicMirror<ArticleEvent> retractionsMirror, PacingProperties properties) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("digest-releaser-");
        threads.setDaemon(true);
        ScheduledExecutorService releaser = Executors.newSingleThreadScheduledExecutor(threads);
        long every = properties.releaseEvery().toMillis();
        releaser.scheduleWithFixedDelay(
                () -> {
                    try {
                        if (retractionsMirror.isCaughtUp()) {
                            gate.release();
                        }
                    } catch (RuntimeException e) {
                        // Nothing was applied in memory; the next scan tries again.
                        log.warn("could not release digests: {}", e.toString());
                    }
                },
                every,
                every,
                TimeUnit.MILLISECONDS);
        return releaser;
    }
}
