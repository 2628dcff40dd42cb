package io.kabar.notification.delivery;

import io.kabar.notification.NotificationProperties;
import io.kabar.notification.subscriptions.Subscription;
import io.kabar.notification.subscriptions.SubscriptionStore;
import io.kabar.notification.subscriptions.SubscriptionView;
import io.kabar.notification.targets.TargetPolicy;
import io.kabar.notification.webpush.WebPush;
import io.kabar.platform.kafka.KafkaClients;
import io.kabar.schemas.AlertDelivery;
import io.kabar.schemas.topics.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/** Wires delivery over HTTP (webhooks and web push): the HTTP sender, the retry policy and the two batch containers of group notification-webhooks. */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    /** The timeouts in force, which grow with the round trips every host's answers take. */
    @Bean
    Timeouts webhookTimeouts(NotificationProperties properties) {
        NotificationProperties.Webhooks webhooks = properties.webhooks();
        return new Timeouts(
                webhooks.connectTimeout(),
                webhooks.requestTimeout(),
                webhooks.requestTimeoutMax(),
                webhooks.batchDeadline(),
                new RoundTrips());
    }

    @Bean
    HostLanes hostLanes(NotificationProperties properties, Timeouts timeouts, Clock clock, MeterRegistry meters) {
        NotificationProperties.Webhooks webhooks = properties.webhooks();
        HostLanes lanes = new HostLanes(
                webhooks.maxPerHost(),
                webhooks.maxQueuedPerHost(),
                webhooks.breakerFailures(),
                webhooks.breakerOpenFor(),
                webhooks.stallAfter(),
                timeouts,
                clock);
        // Totals, not one series per host: receiver hosts are as many as subscribers may choose.
        Gauge.builder("kabar.notifications.webhooks.queued", lanes, HostLanes::queued)
                .description("webhook requests waiting for their host, all hosts")
                .register(meters);
        Gauge.builder("kabar.notifications.webhooks.queued.longest", lanes, HostLanes::longestQueue)
                .description("webhook requests waiting for the one host with the longest queue")
                .register(meters);
        for (HostLanes.State state : HostLanes.State.values()) {
            Gauge.builder("kabar.notifications.webhooks.circuits", lanes, l -> l.hostsIn(state))
                    .tag(
                            "state",
                            state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                    .description("receiver hosts by circuit-breaker state")
                    .register(meters);
        }
        return lanes;
    }

    /** Looks for stalled hosts ten times per stall time, so a stall is noticed within a tenth of it. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService hostStallSweeper(HostLanes lanes, NotificationProperties properties) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("host-stall-sweeper-");
        threads.setDaemon(true);
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(threads);
        long every = Math.max(10, properties.webhooks().stallAfter().toMillis() / 10);
        sweeper.scheduleWithFixedDelay(lanes::sweep, every, every, TimeUnit.MILLISECONDS);
        return sweeper;
    }

    @Bean
    ApacheWebhookSender webhookSender(
            NotificationProperties properties, TargetPolicy targets, HostLanes lanes, Timeouts timeouts) {
        return new ApacheWebhookSender(
                targets, lanes, timeouts, properties.webhooks().maxPerHost());
    }

    /** Runs what would otherwise block an HTTP completion thread (a 410's deactivation awaiting the broker). */
    @Bean(destroyMethod = "shutdown")
    ExecutorService deliveryBlockingWork() {
        // Bounded by the batches in progress: each waits for its own deactivations before it is committed.
        CustomizableThreadFactory threads = new CustomizableThreadFactory("delivery-blocking-");
        threads.setDaemon(true);
        return new ThreadPoolExecutor(1, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000), threads);
    }

    @Bean
    DeliveryLog deliveryLog(KafkaClients clients) {
        return new DeliveryLog(clients.producerFactory(Map.of(ProducerConfig.LINGER_MS_CONFIG, 5)));
    }

    @Bean
    DeliveryWorker deliveryWorker(
            WebhookSender sender,
            SubscriptionView subscriptions,
            SubscriptionStore store,
            DeliveryLog log,
            NotificationProperties properties,
            RandomGenerator random,
            MeterRegistry meters,
            Clock clock,
            ExecutorService deliveryBlockingWork,
            WebPush webPush,
            FirstAttemptGate gate,
            Timeouts timeouts) {
        DeliveryMetrics metrics =
                new DeliveryMetrics(meters, clock, id -> subscriptions.find(id).map(Subscription::channel));
        return new DeliveryWorker(
                new DeliveryDispatcher(
                        sender,
                        subscriptions,
                        Map.of(
                                Subscription.Channel.WEBHOOK, new WebhookChannel(clock),
                                Subscription.Channel.WEBPUSH, new WebPushChannel(webPush))),
                new Settlement(
                        new RetryPolicy(properties.webhooks(), random),
                        log,
                        store,
                        metrics,
                        clock,
                        properties.webhooks().expireAfter(),
                        deliveryBlockingWork),
                metrics,
                clock,
                timeouts,
                gate);
    }

    /**
     * A batch waits at most its deadline (as long as it can grow), a retry batch also for its latest due time (a
     * back-off, or the end of a circuit's open period), so the poll interval must outlast the longest of those plus the
     * deadline, with room to spare.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, AlertDelivery> webhookContainerFactory(
            KafkaClients clients, NotificationProperties properties, Timeouts timeouts) {
        return webhookFactory(clients, properties, timeouts);
    }

    /** First attempts: as above, and the pacing states of each partition are restored before its first batch. */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, AlertDelivery> firstAttemptContainerFactory(
            KafkaClients clients,
            NotificationProperties properties,
            Timeouts timeouts,
            ConsumerAwareRebalanceListener heldAlertsRestorer) {
        var factory = webhookFactory(clients, properties, timeouts);
        factory.getContainerProperties().setConsumerRebalanceListener(heldAlertsRestorer);
        return factory;
    }

    private static ConcurrentKafkaListenerContainerFactory<String, AlertDelivery> webhookFactory(
            KafkaClients clients, NotificationProperties properties, Timeouts timeouts) {
        NotificationProperties.Webhooks webhooks = properties.webhooks();
        long longestWait = Math.max(
                webhooks.maxBackoff().toMillis(), webhooks.breakerOpenFor().toMillis());
        long pollInterval = 2 * (longestWait + timeouts.longestBatchDeadline().toMillis()) + 60_000;
        var factory = clients.listenerFactory(
                Topics.ALERT_DELIVERIES,
                Map.of(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, pollInterval)));
        factory.setBatchListener(true);
        // Started by the ListenerGate once the subscription view has caught up.
        factory.setAutoStartup(false);
        factory.setConcurrency(webhooks.concurrency());
        return factory;
    }
}
