package io.kabar.platform.kafka;

import io.kabar.platform.KabarKafkaProperties;
import io.kabar.schemas.serde.KafkaSchemaRegistry;
import io.kabar.schemas.serde.PassThroughAvroSerializer;
import io.kabar.schemas.serde.SchemaRegistry;
import io.kabar.schemas.topics.TopicSpec;
import io.kabar.schemas.topics.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Declares Kabar's topics, the schema registry, the dead-letter error handler, the Kafka client factory and the Kafka
 * health check.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    /** How long a writer waits to register a schema, and a reader to find an unknown one, before giving up. */
    static final Duration SCHEMA_REGISTRY_TIMEOUT = Duration.ofSeconds(10);

    @Bean
    KafkaAdmin.NewTopics kabarTopics(KabarKafkaProperties kafka) {
        return new KafkaAdmin.NewTopics(Topics.allWithDeadLetters().stream()
                .map(topic -> newTopic(topic, kafka))
                .toArray(NewTopic[]::new));
    }

    /** The topic as Kabar creates it: partitions, replicas and configs from the registry and {@code kabar.kafka.*}. */
    public static NewTopic newTopic(TopicSpec<?, ?> topic, KabarKafkaProperties kafka) {
        TopicBuilder builder = TopicBuilder.name(topic.name())
                .partitions(topic.partitions().orElse(kafka.partitions()))
                .replicas(kafka.replicationFactor())
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, topic.cleanup().config())
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(kafka.minInsyncReplicas()));
        topic.retention().ifPresent(r -> builder.config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(r.toMillis())));
        topic.segment().ifPresent(s -> builder.config(TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(s.toMillis())));
        if (topic.cleanup().config().contains("compact")) {
            // Bounds how long a superseded or deleted record (a taken-down article's text) survives compaction: the
            // broker rolls a compacted topic's segment within max.compaction.lag.ms and cleans it; nothing needs a
            // superseded record, so none is kept from the cleaner (min.compaction.lag.ms 0).
            builder.config(
                            TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG,
                            String.valueOf(kafka.maxCompactionLag().toMillis()))
                    .config(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0")
                    .config(
                            TopicConfig.DELETE_RETENTION_MS_CONFIG,
                            String.valueOf(kafka.deleteRetention().toMillis()));
        }
        return builder.build();
    }

    /**
     * Retries a failing record a bounded number of times with exponential back-off, then publishes it, as it was read
     * and with the failure in its headers, to the dead-letter topic of its topic; the consumer moves on.
     */
    @Bean
    DefaultErrorHandler kabarErrorHandler(
            KafkaProperties properties,
            KafkaConnectionDetails connection,
            KabarKafkaProperties kafka,
            SchemaRegistry kabarSchemaRegistry) {
        Map<String, Object> props = new HashMap<>(properties.buildProducerProperties());
        props.put("bootstrap.servers", connection.getProducer().getBootstrapServers());
        DefaultKafkaProducerFactory<Object, Object> factory = new DefaultKafkaProducerFactory<>(
                props, new PassThroughAvroSerializer(), new PassThroughAvroSerializer(kabarSchemaRegistry));
        var recoverer = new DeadLetterPublishingRecoverer(
                new KafkaTemplate<>(factory),
                (record, exception) -> new TopicPartition(deadLetterOf(record.topic()), -1));
        ExponentialBackOff backOff = new ExponentialBackOff(kafka.retryBackoff().toMillis(), 2.0);
        backOff.setMaxAttempts(kafka.retries());
        return new DefaultErrorHandler(recoverer, backOff);
    }

    private static String deadLetterOf(String topic) {
        return Topics.byName(topic)
                .map(t -> t.deadLetter().name())
                .orElseThrow(() -> new IllegalStateException("no dead-letter topic registered for " + topic));
    }

    /** The services' own schema registry on the topic {@code kabar.schemas}, shared by every serde of the service. */
    @Bean(destroyMethod = "close")
    KafkaSchemaRegistry kabarSchemaRegistry(KafkaProperties properties, KafkaConnectionDetails connection) {
        Map<String, Object> props = new HashMap<>(properties.buildAdminProperties());
        props.put("bootstrap.servers", connection.getAdmin().getBootstrapServers());
        return new KafkaSchemaRegistry(props, SCHEMA_REGISTRY_TIMEOUT);
    }

    @Bean
    KafkaClients kafkaClients(
            KafkaProperties properties,
            KafkaConnectionDetails connection,
            DefaultErrorHandler kabarErrorHandler,
            MeterRegistry meters,
            SchemaRegistry kabarSchemaRegistry) {
        return new KafkaClients(properties, connection, kabarErrorHandler, meters, kabarSchemaRegistry);
    }

    @Bean(destroyMethod = "close")
    AdminClient kabarHealthAdminClient(
            KafkaProperties properties, KafkaConnectionDetails connection, KabarKafkaProperties kafka) {
        Map<String, Object> props = new HashMap<>(properties.buildAdminProperties());
        props.put("bootstrap.servers", connection.getAdmin().getBootstrapServers());
        props.put("request.timeout.ms", (int) kafka.healthTimeout().toMillis());
        props.put("default.api.timeout.ms", (int) kafka.healthTimeout().toMillis());
        return AdminClient.create(props);
    }

    @Bean
    TopicLeaders topicLeaders(AdminClient kabarHealthAdminClient, KabarKafkaProperties kafka) {
        return new TopicLeaders(kabarHealthAdminClient, kafka.healthTimeout().multipliedBy(5));
    }

    @Bean("mirrors")
    MirrorsHealthIndicator mirrorsHealthIndicator(ObjectProvider<TopicMirror<?>> mirrors) {
        return new MirrorsHealthIndicator(mirrors);
    }

    @Bean("kafka")
    KafkaHealthIndicator kafkaHealthIndicator(AdminClient kabarHealthAdminClient, KabarKafkaProperties kafka) {
        return new KafkaHealthIndicator(kabarHealthAdminClient, kafka.healthTimeout());
    }
}
