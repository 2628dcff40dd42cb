package io.kabar.schemas.serde;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Collection;
import org.apache.avro.Schema;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads single-object encoded Avro records written with the current or any released version of the schema, or with
 * any schema its registry knows (a newer producer's), resolving them to the current generated class; anything else
 * fails with a {@link SerializationException} that says why, so that consumers can dead-letter the record.
 */
public final class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private final BinaryMessageDecoder<T> decoder;
    private final String schemaName;

    /** A deserializer that knows the current schema of {@code type} and every released version of it. */
    public AvroDeserializer(Class<T> type) {
        this(type, SchemaRegistry.NONE);
    }

    /**
     * A deserializer that knows the current schema of {@code type} and every released version of it, and looks up
     * any other writer schema in {@code registry}.
     */
    public AvroDeserializer(Class<T> type, SchemaRegistry registry) {
        this(
                type,
                SchemaHistory.released(
                        SpecificData.getForClass(type).getSchema(type).getName()),
                registry);
    }

    /** A deserializer that knows the current schema of {@code type} and the given writer schemas. */
    public AvroDeserializer(Class<T> type, Collection<Schema> writerSchemas) {
        this(type, writerSchemas, SchemaRegistry.NONE);
    }

    private AvroDeserializer(Class<T> type, Collection<Schema> writerSchemas, SchemaRegistry registry) {
        TrustedPackages.trustKabarSchemas();
        SpecificData model = SpecificData.getForClass(type);
        Schema current = model.getSchema(type);
        this.schemaName = current.getName();
        this.decoder = new BinaryMessageDecoder<>(model, current, registry);
        writerSchemas.forEach(decoder::addSchema);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return decoder.decode(new ByteArrayInputStream(data), null);
        } catch (MissingSchemaException e) {
            throw new SerializationException(
                    "unknown " + schemaName + " schema in a record of " + topic
                            + " (not the current, a released or a registered version): " + e.getMessage(),
                    e);
        } catch (BadHeaderException e) {
            throw new SerializationException(
                    "not an Avro single-object encoded " + schemaName + " in " + topic + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("corrupt " + schemaName + " record in " + topic + ": " + e, e);
        }
    }
}
