package io.kabar.trending.ingest;

import io.kabar.platform.kafka.KafkaClients;
import io.kabar.schemas.topics.Topics;
import io.kabar.trending.TrendingProperties;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wires the ingest path: beacon bodies, and one idempotent acks=all producer that batches the views of concurrent requests. */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    /**
     * Lingering a few milliseconds turns many one-view requests into few large, compressed batches. The timeouts keep
     * a request thread from blocking longer than the publish timeout when the broker is away.
     */
    /** Beacons from reader pages arrive as text/plain; JSON requests keep Spring's own converter. */
    @Bean
    ServerHttpMessageConvertersCustomizer beaconBodies(JsonMapper mapper) {
        return converters -> converters.addCustomConverter(new BeaconBodies(mapper));
    }

    @Bean
    PageViewLog pageViewLog(KafkaClients clients, TrendingProperties properties) {
        int timeout = (int) properties.publishTimeout().toMillis();
        int linger = (int) properties.linger().toMillis();
        return new PageViewLog(clients.producerFactory(
                Topics.PAGE_VIEWS,
                Map.of(
                        ProducerConfig.LINGER_MS_CONFIG,
                        linger,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        64 * 1024,
                        ProducerConfig.COMPRESSION_TYPE_CONFIG,
                        "lz4",
                        ProducerConfig.MAX_BLOCK_MS_CONFIG,
                        timeout,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        timeout,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                        timeout + linger + 1000)));
    }
}
