package io.kabar.notification.subscriptions;

import io.kabar.notification.NotificationProperties;
import io.kabar.platform.kafka.KafkaClients;
import io.kabar.platform.kafka.TopicMirror;
import io.kabar.schemas.topics.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.time.Clock;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the subscription table: its mirror, the writer bounded by the publish timeout, and the API's target policy. */
@Configuration(proxyBeanMethods = false)
class SubscriptionsConfiguration {

    @Bean
    SubscriptionView subscriptionView(MeterRegistry meters) {
        SubscriptionView view = new SubscriptionView();
        Gauge.builder("kabar.notifications.subscriptions", view, SubscriptionView::size)
                .description("subscriptions held in memory")
                .register(meters);
        return view;
    }

    @Bean
    TopicMirror<io.kabar.schemas.Subscription> subscriptionsMirror(KafkaClients clients, SubscriptionView view) {
        return clients.mirror(
                Topics.SUBSCRIPTIONS,
                (id, value) -> view.mirrored(id, value == null ? null : SubscriptionRecords.fromAvro(value)));
    }

    @Bean
    SubscriptionStore subscriptionStore(
            KafkaClients clients,
            SubscriptionView view,
            Clock clock,
            RandomGenerator random,
            NotificationProperties properties) {
        int timeout = (int) properties.publishTimeout().toMillis();
        var producers = clients.producerFactory(
                Topics.SUBSCRIPTIONS,
                Map.of(
                        ProducerConfig.MAX_BLOCK_MS_CONFIG,
                        timeout,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        timeout,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                        timeout + 1000,
                        ProducerConfig.LINGER_MS_CONFIG,
                        0));
        return new SubscriptionStore(producers, view, clock, random, properties.publishTimeout());
    }

    @Bean
    TargetPolicy targetPolicy(NotificationProperties properties) {
        return new TargetPolicy(properties.allowedHosts(), properties.allowLoopback(), InetAddress::getAllByName);
    }
}
