package io.kabar.notification;

import io.kabar.platform.kafka.TopicMirror;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/** Turns breaking articles into alerts and hands them to subscribers: signed webhooks and server-sent events. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NotificationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationServiceApplication.class, args);
    }

    /** Millisecond ticks: what the Avro contracts store, so an in-memory copy equals the record read back. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    @Bean
    ListenerGate listenerGate(
            KafkaListenerEndpointRegistry registry, TopicMirror<io.kabar.schemas.Subscription> subscriptionsMirror) {
        return new ListenerGate(registry, subscriptionsMirror);
    }

    /** Signing secrets come from it, so it must be unpredictable; back-off jitter uses it too. */
    @Bean
    RandomGenerator random() {
        return new SecureRandom();
    }
}
