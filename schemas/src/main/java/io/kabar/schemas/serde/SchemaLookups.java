package io.kabar.schemas.serde;

import io.kabar.schemas.topics.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The lookups of {@link KafkaSchemaRegistry}: a lookup of an unknown fingerprint reads {@link Topics#SCHEMAS} up to
 * its end as it stands at that moment (the writer registered before it wrote the record, so the schema is below that
 * end), within a bounded wait; what it finds is cached for the life of the registry.
 */
final class SchemaLookups implements AutoCloseable {

    private static final System.Logger log = System.getLogger(SchemaLookups.class.getName());
    private static final String TOPIC = Topics.SCHEMAS.name();

    private final Map<String, Object> consumerProperties;
    private final Duration timeout;
    private final Map<Long, Schema> known = new ConcurrentHashMap<>();
    private KafkaConsumer<String, String> consumer;

    SchemaLookups(Map<String, Object> clientProperties, Duration timeout) {
        this.timeout = timeout;
        this.consumerProperties = new HashMap<>(clientProperties);
        consumerProperties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerProperties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProperties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    }

    /** A schema this registry has just written: known from now on without reading the topic. */
    void learned(long fingerprint, Schema schema) {
        known.put(fingerprint, schema);
    }

    /** The schema with this fingerprint, reading what was added since the last lookup if needed; null if none. */
    Schema find(long fingerprint) {
        Schema schema = known.get(fingerprint);
        if (schema == null) {
            synchronized (this) {
                if (!known.containsKey(fingerprint)) {
                    readToEnd();
                }
            }
            schema = known.get(fingerprint);
        }
        return schema;
    }

    /** Reads what was added to the registry since the last lookup, up to its end as it stands now. */
    private void readToEnd() {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            KafkaConsumer<String, String> c = consumer();
            Map<TopicPartition, Long> end = c.endOffsets(c.assignment());
            while (c.assignment().stream().anyMatch(p -> c.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : c.poll(Duration.ofMillis(100))) {
                    remember(record);
                }
            }
        } catch (RuntimeException e) {
            log.log(System.Logger.Level.WARNING, "cannot read the schema registry {0}: {1}", TOPIC, e.toString());
            closeConsumer();
        }
    }

    private void remember(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        try {
            Schema schema = new Schema.Parser().parse(record.value());
            if (KafkaSchemaRegistry.key(schema).equals(record.key())) {
                known.putIfAbsent(SchemaNormalization.parsingFingerprint64(schema), schema);
            } else {
                log.log(
                        System.Logger.Level.WARNING,
                        "{0}@{1}: key {2} is not the fingerprint of its schema",
                        TOPIC,
                        record.offset(),
                        record.key());
            }
        } catch (RuntimeException e) {
            log.log(System.Logger.Level.WARNING, "{0}@{1}: not a schema: {2}", TOPIC, record.offset(), e.toString());
        }
    }

    private KafkaConsumer<String, String> consumer() {
        if (consumer == null) {
            consumer = new KafkaConsumer<>(consumerProperties, new StringDeserializer(), new StringDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, timeout).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }
        return consumer;
    }

    private void closeConsumer() {
        if (consumer != null) {
            consumer.close(Duration.ZERO);
            consumer = null;
        }
    }

    @Override
    public synchronized void close() {
        closeConsumer();
    }
}
