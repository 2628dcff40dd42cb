package io.kabar.schemas.serde;

import io.kabar.schemas.topics.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The schema registry the services own: the compacted topic {@link Topics#SCHEMAS}, key = the schema's 64-bit
 * fingerprint in hex, value = its JSON. A lookup of an unknown fingerprint reads the topic up to its end as it stands
 * at that moment (the writer registered before it wrote the record, so the schema is below that end), within a
 * bounded wait; what it finds is cached for the life of the registry.
 */
public final class KafkaSchemaRegistry implements SchemaRegistry, AutoCloseable {

    private static final System.Logger log = System.getLogger(KafkaSchemaRegistry.class.getName());
    private static final String TOPIC = Topics.SCHEMAS.name();

    private final Map<String, Object> producerProperties;
    private final Map<String, Object> consumerProperties;
    private final Duration timeout;
    private final Map<Long, Schema> known = new ConcurrentHashMap<>();
    private final Set<Long> registered = ConcurrentHashMap.newKeySet();
    private KafkaProducer<String, String> producer;
    private KafkaConsumer<String, String> consumer;

    /**
     * A registry on the cluster the given client properties point at (bootstrap servers and security settings);
     * {@code timeout} bounds each registration and each lookup.
     */
    public KafkaSchemaRegistry(Map<String, Object> clientProperties, Duration timeout) {
        this.timeout = timeout;
        this.producerProperties = new HashMap<>(clientProperties);
        producerProperties.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        producerProperties.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProperties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerProperties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis());
        producerProperties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        producerProperties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis() + 1000);
        producerProperties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.consumerProperties = new HashMap<>(clientProperties);
        consumerProperties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerProperties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProperties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    }

    /** The topic key of a schema: its CRC-64-AVRO fingerprint, as Avro's single-object encoding writes it, in hex. */
    public static String key(Schema schema) {
        return HexFormat.of().toHexDigits(SchemaNormalization.parsingFingerprint64(schema));
    }

    @Override
    public void register(Schema schema) {
        register(schema, timeout);
    }

    @Override
    public SchemaRegistry within(Duration bound) {
        Duration wait = bound.compareTo(timeout) < 0 ? bound : timeout;
        KafkaSchemaRegistry registry = this;
        return new SchemaRegistry() {
            @Override
            public void register(Schema schema) {
                registry.register(schema, wait);
            }

            @Override
            public Schema findByFingerprint(long fingerprint) {
                return registry.findByFingerprint(fingerprint);
            }
        };
    }

    /** Writes the schema on a thread of its own (a send may block for metadata) and waits for it at most {@code wait}. */
    private void register(Schema schema, Duration wait) {
        long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
        if (registered.contains(fingerprint)) {
            return;
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, key(schema), schema.toString());
        try {
            CompletableFuture.runAsync(
                            () -> {
                                try {
                                    producer().send(record).get();
                                } catch (InterruptedException | ExecutionException e) {
                                    throw new CompletionException(e);
                                }
                            },
                            task -> Thread.ofVirtual()
                                    .name("schema-registration")
                                    .start(task))
                    .get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SerializationException("interrupted while registering schema " + schema.getFullName(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new SerializationException(
                    "cannot register schema " + schema.getFullName() + " " + key(schema) + " in " + TOPIC + " within "
                            + wait,
                    e);
        }
        known.put(fingerprint, schema);
        registered.add(fingerprint);
    }

    @Override
    public Schema findByFingerprint(long fingerprint) {
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
            if (key(schema).equals(record.key())) {
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

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerProperties, new StringSerializer(), new StringSerializer());
        }
        return producer;
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
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
