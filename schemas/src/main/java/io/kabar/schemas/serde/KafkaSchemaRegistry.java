package io.kabar.schemas.serde;

import io.kabar.schemas.topics.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The schema registry the services own: the compacted topic {@link Topics#SCHEMAS}, key = the schema's 64-bit
 * fingerprint in hex, value = its JSON. Registration writes a schema once per registry, within a bounded wait;
 * lookups are {@link SchemaLookups}'.
 */
public final class KafkaSchemaRegistry implements SchemaRegistry, AutoCloseable {

    private static final System.Logger log = System.getLogger(KafkaSchemaRegistry.class.getName());
    private static final String TOPIC = Topics.SCHEMAS.name();

    private final Map<String, Object> producerProperties;
    private final Duration timeout;
    private final SchemaLookups lookups;
    private final Set<Long> registered = ConcurrentHashMap.newKeySet();
    private KafkaProducer<String, String> producer;

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
        this.lookups = new SchemaLookups(clientProperties, timeout);
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
        lookups.learned(fingerprint, schema);
        registered.add(fingerprint);
    }

    @Override
    public Schema findByFingerprint(long fingerprint) {
        return lookups.find(fingerprint);
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerProperties, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    @Override
    public synchronized void close() {
        lookups.close();
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
