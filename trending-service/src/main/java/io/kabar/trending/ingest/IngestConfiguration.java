package io.kabar.trending.ingest;

import io.kabar.platform.kafka.KafkaClients;
import io.kabar.schemas.topics.Topics;
import io.kabar.trending.TrendingProperties;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the ingest path: one idempotent acks=all producer that batches the views of concurrent requests. */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    /**
     * Lingering a few milliseconds turns many one-view requests into few large, compressed batches. The timeouts keep
     * a request thread from blocking longer than the publish timeout when the broker is away.
     */
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
