package io.kabar.notification.stream;

import io.kabar.notification.NotificationProperties;
import io.kabar.platform.kafka.KafkaClients;
import io.kabar.schemas.topics.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/** Wires the live feed of {@code news.breaking-alerts} (group-less consumers, like the platform's mirrors) and its metrics. */
@Configuration(proxyBeanMethods = false)
class StreamConfiguration {

    @Bean
    AlertFeed alertFeed(KafkaClients clients, NotificationProperties properties, MeterRegistry meters) {
        NotificationProperties.Stream stream = properties.stream();
        // A few replays at a time, a bounded queue behind them: a burst of reconnects beyond it is answered 503.
        ThreadPoolExecutor replays = new ThreadPoolExecutor(
                stream.replays(),
                stream.replays(),
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(stream.replayQueue()),
                new CustomizableThreadFactory("stream-replay-"));
        AlertFeed feed = new AlertFeed(clients.grouplessConsumers(Topics.BREAKING_ALERTS), replays);
        Gauge.builder("kabar.notifications.streams.open", feed, AlertFeed::open)
                .description("alert streams (SSE) open on this instance")
                .register(meters);
        return feed;
    }

    @Bean
    StreamSettings streamSettings(NotificationProperties properties, Clock clock, MeterRegistry meters) {
        NotificationProperties.Stream stream = properties.stream();
        Counter dropped = Counter.builder("kabar.notifications.streams.dropped")
                .description("alert stream clients disconnected because they fell behind (their buffer was full)")
                .register(meters);
        return new StreamSettings(
                stream.buffer(), stream.idleTimeout(), clock, properties.retryAfter(), dropped::increment);
    }
}
