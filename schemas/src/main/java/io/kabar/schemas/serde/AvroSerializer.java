package io.kabar.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes generated Avro records in Avro's single-object encoding: marker, 64-bit schema fingerprint, binary body;
 * registers its schema before the first record, so that readers built without it can find it.
 */
public final class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private final BinaryMessageEncoder<T> encoder;
    private final Schema schema;
    private final SchemaRegistry registry;
    private volatile boolean registered;

    /** A serializer that registers nothing: for tests and tools whose readers ship the same schemas. */
    public AvroSerializer(Class<T> type) {
        this(type, SchemaRegistry.NONE);
    }

    /** A serializer that registers the current schema of {@code type} in {@code registry} before its first record. */
    public AvroSerializer(Class<T> type, SchemaRegistry registry) {
        TrustedPackages.trustKabarSchemas();
        SpecificData model = SpecificData.getForClass(type);
        this.schema = model.getSchema(type);
        this.registry = registry;
        this.encoder = new BinaryMessageEncoder<>(model, schema);
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        if (!registered) {
            registry.register(schema);
            registered = true;
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
            encoder.encode(data, out);
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(
                    "cannot serialize " + data.getSchema().getName() + " for " + topic, e);
        }
    }
}
