package io.kabar.notification.stream;

import io.kabar.platform.kafka.KafkaClients;
import io.kabar.schemas.topics.Topics;
import java.util.concurrent.Executors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the live feed of {@code news.breaking-alerts}: group-less consumers, like the platform's mirrors. */
@Configuration(proxyBeanMethods = false)
class StreamConfiguration {

    @Bean
    AlertFeed alertFeed(KafkaClients clients) {
        // A few replays at a time: a burst of reconnects queues instead of opening a consumer per client.
        return new AlertFeed(clients.grouplessConsumers(Topics.BREAKING_ALERTS), Executors.newFixedThreadPool(4));
    }
}
