package io.kabar.trending.streams;

import io.kabar.platform.kafka.KafkaClients;
import io.kabar.trending.TrendingProperties;
import io.kabar.trending.ranking.TrendingStreamsConfig;
import io.kabar.trending.ranking.TrendingTopology;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.annotation.KafkaStreamsDefaultConfiguration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.KafkaStreamsInfrastructureCustomizer;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;

/**
 * Runs the trending topology in Spring Kafka's Streams factory bean, so that it starts and stops with the context and
 * reports Micrometer metrics, with Kabar's dead letters for records that cannot be decoded.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class StreamsConfiguration {

    static final String APPLICATION_ID = "trending-service";

    private static final Logger log = LoggerFactory.getLogger(StreamsConfiguration.class);

    @Bean
    StateDirectory trendingStateDirectory(TrendingProperties properties) {
        return StateDirectory.of(properties.stateDir());
    }

    @Bean
    GroupMembership trendingGroupMembership(TrendingProperties properties, StateDirectory stateDirectory) {
        return GroupMembership.of(properties.instanceId(), stateDirectory);
    }

    @Bean
    DeadLetters trendingDeadLetters(KafkaClients clients) {
        return new DeadLetters(clients.producerProperties());
    }

    /**
     * The recommended configuration, under what {@code spring.kafka.streams.*} sets (security, extra properties), and
     * a deserialization handler that sends an undecodable record to its topic's {@code .dlt} and goes on, so one bad
     * record never stops the counting.
     */
    @Bean(KafkaStreamsDefaultConfiguration.DEFAULT_STREAMS_CONFIG_BEAN_NAME)
    KafkaStreamsConfiguration trendingStreamsConfig(
            KafkaProperties kafka,
            KafkaConnectionDetails connection,
            StateDirectory stateDirectory,
            GroupMembership membership,
            DeadLetters trendingDeadLetters) {
        String bootstrap = String.join(",", connection.getStreams().getBootstrapServers());
        Map<String, Object> props = new HashMap<>(TrendingStreamsConfig.recommended(APPLICATION_ID, bootstrap));
        props.putAll(kafka.buildStreamsProperties());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.path().toString());
        membership.instanceId().ifPresent(id -> props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id));
        props.put(
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                RecoveringDeserializationExceptionHandler.class);
        props.put(RecoveringDeserializationExceptionHandler.KSTREAM_DESERIALIZATION_RECOVERER, trendingDeadLetters);
        return new KafkaStreamsConfiguration(props);
    }

    /**
     * Adds the topology, leaves the group on close as a dynamic member (see {@link GroupMembership}), and replaces a stream thread that died of an unexpected error rather than leaving the
     * service up with nothing counting.
     */
    @Bean
    StreamsBuilderFactoryBeanConfigurer trendingStreamsConfigurer(
            TrendingProperties properties, KafkaClients clients, GroupMembership membership) {
        TrendingTopology topology =
                new TrendingTopology(properties.settings()).withSchemaRegistry(clients.schemaRegistry());
        return factory -> {
            factory.setLeaveGroupOnClose(membership.leaveGroupOnClose());
            factory.setInfrastructureCustomizer(new KafkaStreamsInfrastructureCustomizer() {
                @Override
                public void configureBuilder(StreamsBuilder builder) {
                    topology.addTo(builder);
                }
            });
            factory.setStreamsUncaughtExceptionHandler(exception -> {
                log.error("stream thread failed, replacing it", exception);
                return StreamThreadExceptionResponse.REPLACE_THREAD;
            });
        };
    }

    @Bean("streams")
    StreamsHealthIndicator streamsHealthIndicator(StreamsBuilderFactoryBean factory) {
        return new StreamsHealthIndicator(factory);
    }
}
