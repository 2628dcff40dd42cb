package io.kabar.testing;

import io.kabar.schemas.serde.AvroDeserializer;
import io.kabar.schemas.serde.AvroSerializer;
import io.kabar.schemas.topics.TopicSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes to and reads from registered topics on the test run's real broker (spring-kafka-test's global embedded
 * broker), the way any producer or read-committed consumer would.
 */
public final class TestBroker {

    private TestBroker() {}

    public static String brokers() {
        String brokers = System.getProperty("spring.embedded.kafka.brokers");
        if (brokers == null) {
            throw new IllegalStateException("no embedded broker: run this test with Failsafe (*IT)");
        }
        return brokers;
    }

    /** Writes the values in order, keyed by {@code key}, and waits until the broker has acknowledged each. */
    @SafeVarargs
    public static <V extends SpecificRecord> void publish(
            TopicSpec<String, V> topic, Function<V, String> key, V... values) {
        publish(brokers(), topic, key, values);
    }

    /** Like {@link #publish(TopicSpec, Function, SpecificRecord[])}, to the broker at {@code bootstrap}. */
    @SafeVarargs
    public static <V extends SpecificRecord> void publish(
            String bootstrap, TopicSpec<String, V> topic, Function<V, String> key, V... values) {
        Map<String, Object> props =
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all");
        try (var producer =
                new KafkaProducer<>(props, new StringSerializer(), new AvroSerializer<>(topic.valueType()))) {
            for (V value : values) {
                producer.send(new ProducerRecord<>(topic.name(), key.apply(value), value))
                        .get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** Every committed record of the topic, read from the beginning to its current end. */
    public static <V extends SpecificRecord> List<ConsumerRecord<String, V>> readAll(TopicSpec<String, V> topic) {
        return readAll(topic.name(), new AvroDeserializer<>(topic.valueType()));
    }

    /** Every committed record of any topic (a dead-letter topic, say), with the given value deserializer. */
    public static <V> List<ConsumerRecord<String, V>> readAll(String topic, Deserializer<V> values) {
        return readAll(brokers(), topic, values);
    }

    /** Like {@link #readAll(String, Deserializer)}, from the broker at {@code bootstrap}. */
    public static <V> List<ConsumerRecord<String, V>> readAll(String bootstrap, String topic, Deserializer<V> values) {
        return readAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), topic, values);
    }

    /** Like {@link #readAll(String, Deserializer)}, with these client settings (another broker, credentials). */
    public static <V> List<ConsumerRecord<String, V>> readAll(
            Map<String, Object> client, String topic, Deserializer<V> values) {
        Map<String, Object> props = new HashMap<>(client);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, V>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The values of one key, oldest first. */
    public static <V extends SpecificRecord> List<V> valuesOf(TopicSpec<String, V> topic, String key) {
        return readAll(topic).stream()
                .filter(r -> key.equals(r.key()))
                .map(ConsumerRecord::value)
                .toList();
    }

    /** The latest value of every key, as compaction would keep it; a tombstone maps to null. */
    public static <V extends SpecificRecord> Map<String, V> latest(TopicSpec<String, V> topic) {
        Map<String, V> latest = new LinkedHashMap<>();
        readAll(topic).forEach(r -> latest.put(r.key(), r.value()));
        return latest;
    }
}
