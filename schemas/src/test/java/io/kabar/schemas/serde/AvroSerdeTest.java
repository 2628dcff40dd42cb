package io.kabar.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.Fixtures;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    private final AvroSerializer<ArticleEvent> serializer = new AvroSerializer<>(ArticleEvent.class);
    private final AvroDeserializer<ArticleEvent> deserializer = new AvroDeserializer<>(ArticleEvent.class);

    @Test
    void roundTripsAnEventInSingleObjectEncoding() {
        ArticleEvent event = Fixtures.publishedEvent();

        byte[] bytes = serializer.serialize("news.articles", event);

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(deserializer.deserialize("news.articles", bytes)).isEqualTo(event);
    }

    @Test
    void passesTombstonesThroughAsNull() {
        assertThat(serializer.serialize("news.articles", null)).isNull();
        assertThat(deserializer.deserialize("news.articles", null)).isNull();
    }

    @Test
    void readsEventsOfAnOlderProducerThatLackedAFieldWithDefault() throws Exception {
        Schema older = withArticleFields(
                ArticleEvent.getClassSchema(),
                fields -> fields.removeIf(f -> f.name().equals("breaking")));
        AvroDeserializer<ArticleEvent> reader = new AvroDeserializer<>(ArticleEvent.class, List.of(older));

        ArticleEvent read = reader.deserialize("news.articles", encodeAs(older, Fixtures.publishedEvent()));

        assertThat(read.getArticle().getTitle()).isEqualTo("Pertemuan Putin dan Kim");
        assertThat(read.getArticle().getBreaking()).isFalse();
    }

    @Test
    void readsAnEventWrittenWithTheReleasedV1WhichHadNoChangedBy() throws Exception {
        Schema v1 = SchemaHistory.released("ArticleEvent").get(0);
        assertThat(v1.getField("changedBy")).as("v1 predates changedBy").isNull();

        ArticleEvent read = deserializer.deserialize("news.articles", encodeAs(v1, Fixtures.publishedEvent()));

        assertThat(read.getArticle().getTitle()).isEqualTo("Pertemuan Putin dan Kim");
        assertThat(read.getChangedBy()).isNull();
    }

    @Test
    void roundTripsWhoMadeTheChange() {
        ArticleEvent event = ArticleEvent.newBuilder(Fixtures.publishedEvent())
                .setChangedBy("redaktur-1")
                .build();

        ArticleEvent read = deserializer.deserialize("news.articles", serializer.serialize("news.articles", event));

        assertThat(read.getChangedBy()).isEqualTo("redaktur-1");
    }

    @Test
    void readsEventsOfANewerProducerThatAddedAField() throws Exception {
        Schema newer = withArticleFields(
                ArticleEvent.getClassSchema(),
                fields -> fields.add(
                        new Schema.Field("priority", SchemaBuilder.builder().intType(), "added later", 0)));
        AvroDeserializer<ArticleEvent> reader = new AvroDeserializer<>(ArticleEvent.class, List.of(newer));

        ArticleEvent read = reader.deserialize("news.articles", encodeAs(newer, Fixtures.publishedEvent()));

        assertThat(read.getArticle().getTags()).containsExactly("rusia", "korea-utara");
    }

    @Test
    void refusesAnUnknownSchemaFingerprintWithAClearError() throws Exception {
        Schema unknown = withArticleFields(
                ArticleEvent.getClassSchema(),
                fields -> fields.add(
                        new Schema.Field("priority", SchemaBuilder.builder().intType(), "added later", 0)));
        byte[] bytes = encodeAs(unknown, Fixtures.publishedEvent());

        assertThatThrownBy(() -> deserializer.deserialize("news.articles", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown ArticleEvent schema in a record of news.articles");
    }

    @Test
    void refusesCorruptBytesWithAClearError() {
        byte[] bytes = serializer.serialize("news.articles", Fixtures.publishedEvent());
        byte[] truncated = java.util.Arrays.copyOf(bytes, 20);

        assertThatThrownBy(() -> deserializer.deserialize("news.articles", truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("corrupt ArticleEvent record in news.articles");
        assertThatThrownBy(() -> deserializer.deserialize("news.articles", "{\"json\":true}".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not an Avro single-object encoded ArticleEvent");
    }

    @Test
    void readsARecordOfANewerWriterSchemaItFindsInTheRegistry() throws Exception {
        Schema newer = withArticleFields(
                ArticleEvent.getClassSchema(),
                fields -> fields.add(
                        new Schema.Field("priority", SchemaBuilder.builder().intType(), "added later", 0)));
        Map<Long, Schema> registered = new HashMap<>();
        SchemaRegistry registry = inMemory(registered);
        registry.register(newer);
        AvroDeserializer<ArticleEvent> reader = new AvroDeserializer<>(ArticleEvent.class, registry);

        ArticleEvent read = reader.deserialize("news.articles", encodeAs(newer, Fixtures.publishedEvent()));

        assertThat(read.getArticle().getTitle()).isEqualTo("Pertemuan Putin dan Kim");
    }

    @Test
    void registersItsSchemaOnceBeforeItsFirstRecord() {
        Map<Long, Schema> registered = new HashMap<>();
        AvroSerializer<ArticleEvent> writer = new AvroSerializer<>(ArticleEvent.class, inMemory(registered));

        writer.serialize("news.articles", Fixtures.publishedEvent());
        writer.serialize("news.articles", Fixtures.publishedEvent());

        assertThat(registered)
                .containsExactly(Map.entry(
                        SchemaNormalization.parsingFingerprint64(ArticleEvent.getClassSchema()),
                        ArticleEvent.getClassSchema()));
    }

    @Test
    void writesNothingWhenItCannotRegisterItsSchema() {
        SchemaRegistry unreachable = new SchemaRegistry() {
            @Override
            public void register(Schema schema) {
                throw new SerializationException("registry unreachable");
            }

            @Override
            public Schema findByFingerprint(long fingerprint) {
                return null;
            }
        };

        assertThatThrownBy(() -> new AvroSerializer<>(ArticleEvent.class, unreachable)
                        .serialize("news.articles", Fixtures.publishedEvent()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("registry unreachable");
    }

    /** A registry in a map, as the Kafka one behaves once its topic is read. */
    private static SchemaRegistry inMemory(Map<Long, Schema> schemas) {
        return new SchemaRegistry() {
            @Override
            public void register(Schema schema) {
                schemas.put(SchemaNormalization.parsingFingerprint64(schema), schema);
            }

            @Override
            public Schema findByFingerprint(long fingerprint) {
                return schemas.get(fingerprint);
            }
        };
    }

    /** Copies an event schema, changing the fields of its nested Article record. */
    private static Schema withArticleFields(Schema event, java.util.function.Consumer<List<Schema.Field>> change) {
        Schema article = event.getField("article").schema();
        List<Schema.Field> articleFields = copy(article.getFields());
        change.accept(articleFields);
        Schema changedArticle =
                Schema.createRecord(article.getName(), article.getDoc(), article.getNamespace(), false, articleFields);
        List<Schema.Field> eventFields = new ArrayList<>();
        for (Schema.Field f : event.getFields()) {
            eventFields.add(new Schema.Field(
                    f.name(), f.name().equals("article") ? changedArticle : f.schema(), f.doc(), f.defaultVal()));
        }
        return Schema.createRecord(event.getName(), event.getDoc(), event.getNamespace(), false, eventFields);
    }

    private static List<Schema.Field> copy(List<Schema.Field> fields) {
        List<Schema.Field> copies = new ArrayList<>();
        fields.forEach(f -> copies.add(new Schema.Field(f, f.schema())));
        return copies;
    }

    /** Encodes the event as a producer with {@code writer} would: through a generic record of that schema. */
    private static byte[] encodeAs(Schema writer, ArticleEvent event) throws Exception {
        GenericData data = new GenericData();
        data.addLogicalTypeConversion(new org.apache.avro.data.TimeConversions.TimestampMillisConversion());
        GenericRecord generic = (GenericRecord) toGeneric(data, writer, event);
        ByteBuffer buffer = new BinaryMessageEncoder<GenericRecord>(data, writer).encode(generic);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static Object toGeneric(GenericData data, Schema schema, Object value) {
        if (value instanceof org.apache.avro.specific.SpecificRecord specific
                && schema.getType() == Schema.Type.RECORD) {
            GenericRecord generic = new GenericData.Record(schema);
            for (Schema.Field f : schema.getFields()) {
                Schema.Field source = specific.getSchema().getField(f.name());
                Object fieldValue = source == null ? f.defaultVal() : specific.get(source.pos());
                generic.put(f.name(), toGeneric(data, f.schema(), fieldValue));
            }
            return generic;
        }
        if (value instanceof Enum<?> symbol) {
            return new GenericData.EnumSymbol(schema, symbol.name());
        }
        return value;
    }
}
