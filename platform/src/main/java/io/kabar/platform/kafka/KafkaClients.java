package io.kabar.platform.kafka;

import io.kabar.schemas.serde.AvroDeserializer;
import io.kabar.schemas.serde.AvroSerializer;
import io.kabar.schemas.serde.PassThroughAvroSerializer;
import io.kabar.schemas.serde.SchemaRegistry;
import io.kabar.schemas.topics.TopicSpec;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * Builds Kafka producers and consumers for a registered topic, with the topic's Avro serde (backed by the schema
 * registry) and Kabar's delivery guarantees (idempotent acks=all producers; read-committed consumers that commit
 * only after processing).
 */
public final class KafkaClients {

    private final KafkaProperties properties;
    private final KafkaConnectionDetails connection;
    private final CommonErrorHandler errorHandler;
    private final MeterRegistry meters;
    private final SchemaRegistry schemas;

    KafkaClients(
            KafkaProperties properties,
            KafkaConnectionDetails connection,
            CommonErrorHandler errorHandler,
            MeterRegistry meters,
            SchemaRegistry schemas) {
        this.properties = properties;
        this.connection = connection;
        this.errorHandler = errorHandler;
        this.meters = meters;
        this.schemas = schemas;
    }

    /** The registry every serde of these clients registers its writer schemas in and looks unknown ones up in. */
    public SchemaRegistry schemaRegistry() {
        return schemas;
    }

    /** Producer settings from Spring Boot's {@code spring.kafka.*}, with idempotence and acks=all enforced. */
    public Map<String, Object> producerProperties() {
        Map<String, Object> props = new HashMap<>(properties.buildProducerProperties());
        props.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                connection.getProducer().getBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return props;
    }

    /** Consumer settings from Spring Boot's {@code spring.kafka.*}, reading committed records only. */
    public Map<String, Object> consumerProperties() {
        Map<String, Object> props = new HashMap<>(properties.buildConsumerProperties());
        props.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                connection.getConsumer().getBootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return props;
    }

    /** A producer factory for the topic's value type; {@code overrides} win over every default. */
    public <V extends SpecificRecord> DefaultKafkaProducerFactory<String, V> producerFactory(
            TopicSpec<String, V> topic, Map<String, Object> overrides) {
        Map<String, Object> props = producerProperties();
        props.putAll(overrides);
        return measured(new DefaultKafkaProducerFactory<>(
                props, new StringSerializer(), new AvroSerializer<>(topic.valueType(), registering(props))));
    }

    /** A producer factory for writers of several topics: any generated Avro record, in single-object encoding. */
    public DefaultKafkaProducerFactory<String, Object> producerFactory(Map<String, Object> overrides) {
        Map<String, Object> props = producerProperties();
        props.putAll(overrides);
        return measured(new DefaultKafkaProducerFactory<>(
                props, new StringSerializer(), new PassThroughAvroSerializer(registering(props))));
    }

    /**
     * A consumer factory for the topic's value type whose records that cannot be deserialized reach the error
     * handler (and so the dead-letter topic) instead of failing the poll.
     */
    public <V extends SpecificRecord> DefaultKafkaConsumerFactory<String, V> consumerFactory(
            TopicSpec<String, V> topic, Map<String, Object> overrides) {
        Map<String, Object> props = consumerProperties();
        props.putAll(overrides);
        return measured(new DefaultKafkaConsumerFactory<>(
                props,
                new ErrorHandlingDeserializer<>(new StringDeserializer()),
                new ErrorHandlingDeserializer<>(new AvroDeserializer<>(topic.valueType(), schemas))));
    }

    /**
     * Producer overrides that bound a send to {@code timeout} when the broker is out of reach (blocking for metadata
     * or buffer space, the request, the delivery), so that a request waiting on it can answer 503 in time; no linger,
     * since a request waits for each send.
     */
    public static Map<String, Object> boundedBy(Duration timeout) {
        int millis = (int) timeout.toMillis();
        return Map.of(
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                millis,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                millis,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                millis + 1000,
                ProducerConfig.LINGER_MS_CONFIG,
                0);
    }

    /** A mirror of the whole topic feeding {@code sink}; register it as a bean so that it starts and stops with the context. */
    public <V extends SpecificRecord> TopicMirror<V> mirror(TopicSpec<String, V> topic, BiConsumer<String, V> sink) {
        return new TopicMirror<>(topic.name(), grouplessConsumers(topic), sink);
    }

    /**
     * A mirror of the whole topic kept as a keyed view: each record mapped to the service's own type at the edge and
     * handed to {@code put}, the key of a tombstone to {@code remove}.
     */
    public <V extends SpecificRecord, T> TopicMirror<V> mirror(
            TopicSpec<String, V> topic,
            Function<V, T> toDomain,
            java.util.function.Consumer<T> put,
            java.util.function.Consumer<String> remove) {
        return mirror(topic, (key, value) -> {
            if (value == null) {
                remove.accept(key);
            } else {
                put.accept(toDomain.apply(value));
            }
        });
    }

    /**
     * Consumers of the topic outside any group, for readers that assign partitions themselves (mirrors, live feeds,
     * state restorers). Plain deserializers: a record that cannot be decoded fails the poll, so that the reader can
     * step over it, instead of arriving as a null value that looks like a tombstone.
     */
    public <V extends SpecificRecord> Supplier<Consumer<String, V>> grouplessConsumers(TopicSpec<String, V> topic) {
        Map<String, Object> props = consumerProperties();
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        DefaultKafkaConsumerFactory<String, V> factory = measured(new DefaultKafkaConsumerFactory<>(
                props, new StringDeserializer(), new AvroDeserializer<>(topic.valueType(), schemas)));
        return factory::createConsumer;
    }

    /** The registry, with registrations bounded by the producer's own {@code max.block.ms} where it sets one. */
    private SchemaRegistry registering(Map<String, Object> producerProps) {
        Object maxBlock = producerProps.get(ProducerConfig.MAX_BLOCK_MS_CONFIG);
        return maxBlock == null ? schemas : schemas.within(Duration.ofMillis(Long.parseLong(maxBlock.toString())));
    }

    /** Exposes the producers' client metrics (record rates, errors, latency) to Micrometer. */
    private <V> DefaultKafkaProducerFactory<String, V> measured(DefaultKafkaProducerFactory<String, V> factory) {
        factory.addListener(new MicrometerProducerListener<>(meters));
        return factory;
    }

    /** Exposes the consumers' client metrics, consumer lag above all, to Micrometer. */
    private <V> DefaultKafkaConsumerFactory<String, V> measured(DefaultKafkaConsumerFactory<String, V> factory) {
        factory.addListener(new MicrometerConsumerListener<>(meters));
        return factory;
    }

    /** A listener container factory for {@code @KafkaListener}s of the topic, dead-lettering what keeps failing. */
    public <V extends SpecificRecord> ConcurrentKafkaListenerContainerFactory<String, V> listenerFactory(
            TopicSpec<String, V> topic, Map<String, Object> overrides) {
        ConcurrentKafkaListenerContainerFactory<String, V> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumerFactory(topic, overrides));
        factory.setCommonErrorHandler(errorHandler);
        return factory;
    }
}
