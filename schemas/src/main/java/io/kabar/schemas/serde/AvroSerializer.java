package io.kabar.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes generated Avro records in Avro's single-object encoding: marker, 64-bit schema fingerprint, binary body.
 */
public final class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private final BinaryMessageEncoder<T> encoder;

    public AvroSerializer(Class<T> type) {
        TrustedPackages.trustKabarSchemas();
        SpecificData model = SpecificData.getForClass(type);
        this.encoder = new BinaryMessageEncoder<>(model, model.getSchema(type));
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
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
