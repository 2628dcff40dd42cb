package io.kabar.notification.delivery;

import io.kabar.notification.NotificationProperties;
import io.kabar.notification.subscriptions.SubscriptionStore;
import io.kabar.notification.subscriptions.SubscriptionView;
import io.kabar.notification.targets.TargetPolicy;
import io.kabar.platform.kafka.KafkaClients;
import io.kabar.schemas.AlertDelivery;
import io.kabar.schemas.topics.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

/** Wires webhook delivery: the HTTP sender, the retry policy and the two batch containers of group notification-webhooks. */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    @Bean
    ApacheWebhookSender webhookSender(NotificationProperties properties, TargetPolicy targets) {
        NotificationProperties.Webhooks webhooks = properties.webhooks();
        return new ApacheWebhookSender(
                targets, webhooks.connectTimeout(), webhooks.requestTimeout(), webhooks.maxPerHost());
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
            Clock clock) {
        return new DeliveryWorker(
                new WebhookDispatcher(sender, subscriptions, clock),
                new RetryPolicy(properties.webhooks(), random),
                log,
                store,
                new DeliveryMetrics(meters, clock),
                clock);
    }

    /**
     * A batch waits for its slowest delivery, a retry batch also for its latest due time, so the poll interval must
     * outlast the longest back-off plus a request timeout, with room for the host queues.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, AlertDelivery> webhookContainerFactory(
            KafkaClients clients, NotificationProperties properties) {
        NotificationProperties.Webhooks webhooks = properties.webhooks();
        long pollInterval = 2
                        * (webhooks.maxBackoff().toMillis()
                                + webhooks.requestTimeout().toMillis())
                + 60_000;
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
