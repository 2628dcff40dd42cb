package io.kabar.schemas.serde;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes values of any Kabar topic: generated Avro records in single-object encoding, byte arrays as they are and
 * strings as UTF-8; for producers that write several topics, and for dead letters, which so keep the encoding of the
 * topic they came from and can be replayed as they are.
 */
public final class PassThroughAvroSerializer implements Serializer<Object> {

    private final Map<Class<?>, AvroSerializer<?>> avro = new ConcurrentHashMap<>();
    private final SchemaRegistry registry;

    /** A serializer that registers nothing: for tests and tools whose readers ship the same schemas. */
    public PassThroughAvroSerializer() {
        this(SchemaRegistry.NONE);
    }

    /** A serializer that registers the schema of each record type in {@code registry} before its first record. */
    public PassThroughAvroSerializer(SchemaRegistry registry) {
        this.registry = registry;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public byte[] serialize(String topic, Object data) {
        if (data == null || data instanceof byte[]) {
            return (byte[]) data;
        }
        if (data instanceof String text) {
            return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        if (data instanceof SpecificRecord record) {
            AvroSerializer serializer =
                    avro.computeIfAbsent(record.getClass(), type -> new AvroSerializer(type, registry));
            return serializer.serialize(topic, record);
        }
        throw new SerializationException(
                "cannot dead-letter a " + data.getClass().getName() + " to " + topic);
    }
}
