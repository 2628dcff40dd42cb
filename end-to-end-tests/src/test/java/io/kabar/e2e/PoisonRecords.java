package io.kabar.e2e;

import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.PageView;
import io.kabar.schemas.serde.AvroSerializer;
import io.kabar.testing.TestArticles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Record values a consumer must survive: random bytes, a valid record of another contract, and a valid record written
 * with a newer version of the topic's own schema (one more field, with a default) that no jar was built with.
 */
final class PoisonRecords {

    private final Random random;

    PoisonRecords(long seed) {
        this.random = new Random(seed);
    }

    /** Bytes that are no Avro at all; half of them start with the single-object marker so that the header is read. */
    byte[] garbage() {
        byte[] bytes = new byte[1 + random.nextInt(200)];
        random.nextBytes(bytes);
        if (random.nextBoolean() && bytes.length > 2) {
            bytes[0] = (byte) 0xC3;
            bytes[1] = 0x01;
        }
        return bytes;
    }

    /** A well-formed record of a contract the topic does not carry. */
    static byte[] otherContract(boolean notAPageView) {
        return notAPageView
                ? new AvroSerializer<>(PageView.class).serialize("", pageView("salah-topik"))
                : new AvroSerializer<>(ArticleEvent.class)
                        .serialize("", article(UUID.randomUUID().toString(), "Lain"));
    }

    /** The value encoded with its schema plus a field {@code addedInNextVersion} (string, default ""). */
    static byte[] newerSchema(SpecificRecord value) {
        Schema current = value.getSchema();
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : current.getFields()) {
            fields.add(new Schema.Field(field, field.schema()));
        }
        fields.add(new Schema.Field(
                "addedInNextVersion", Schema.create(Schema.Type.STRING), "a field no released jar knows", ""));
        Schema newer = Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false, fields);
        try {
            ByteArrayOutputStream datum = new ByteArrayOutputStream();
            var encoder = EncoderFactory.get().binaryEncoder(datum, null);
            new SpecificDatumWriter<SpecificRecord>(current).write(value, encoder);
            encoder.flush();
            GenericRecord upgraded = new GenericDatumReader<GenericRecord>(current, newer)
                    .read(null, DecoderFactory.get().binaryDecoder(datum.toByteArray(), null));
            upgraded.put("addedInNextVersion", "nilai baru");
            return new BinaryMessageEncoder<GenericRecord>(GenericData.get(), newer)
                    .encode(upgraded)
                    .array();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PageView pageView(String articleId) {
        return PageView.newBuilder()
                .setArticleId(articleId)
                .setSessionId("sesi-" + UUID.randomUUID())
                .setViewedAt(Instant.now())
                .build();
    }

    static ArticleEvent article(String id, String category) {
        return TestArticles.event(id, 1, "Artikel dengan skema versi berikutnya", category, false);
    }
}
