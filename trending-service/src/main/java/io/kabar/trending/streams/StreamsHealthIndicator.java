package io.kabar.trending.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Reports the Kafka Streams client's state: up while it runs or rebalances, out of service while it starts, down once
 * it has failed or stopped, since the rankings then no longer move.
 */
final class StreamsHealthIndicator extends AbstractHealthIndicator {

    private final StreamsBuilderFactoryBean streams;

    StreamsHealthIndicator(StreamsBuilderFactoryBean streams) {
        super("Kafka Streams state unknown");
        this.streams = streams;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        KafkaStreams client = streams.getKafkaStreams();
        if (client == null) {
            builder.outOfService().withDetail("state", "NOT_STARTED");
            return;
        }
        KafkaStreams.State state = client.state();
        switch (state) {
            case RUNNING, REBALANCING -> builder.up();
            case CREATED -> builder.outOfService();
            default -> builder.down();
        }
        builder.withDetail("state", state.name())
                .withDetail("threads", client.metadataForLocalThreads().size());
    }
}
