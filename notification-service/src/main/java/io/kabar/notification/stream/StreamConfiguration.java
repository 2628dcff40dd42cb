package io.kabar.notification.stream;

import io.kabar.platform.kafka.KafkaClients;
import io.kabar.schemas.BreakingAlert;
import io.kabar.schemas.serde.AvroDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;
import java.util.concurrent.Executors;

/** Wires the live feed of {@code news.breaking-alerts}: group-less consumers, like the platform's mirrors. */
@Configuration(proxyBeanMethods = false)
class StreamConfiguration {

    @Bean
    AlertFeed alertFeed(KafkaClients clients) {
        Map<String, Object> props = clients.consumerProperties();
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // A few replays at a time: a burst of reconnects queues instead of opening a consumer per client.
        return new AlertFeed(() -> new KafkaConsumer<>(props, new StringDeserializer(),
                new AvroDeserializer<>(BreakingAlert.class)), Executors.newFixedThreadPool(4));
    }
}
