package io.kabar.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kabar.schemas.RelatedLink;
import io.kabar.schemas.RelatedLinks;
import io.kabar.schemas.serde.KafkaSchemaRegistry;
import io.kabar.schemas.serde.SchemaHistory;
import io.kabar.schemas.topics.Topics;
import io.kabar.testing.TestBroker;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

/**
 * A rolling upgrade works in either order: a group listener and a mirror built from this jar read records of a
 * producer with a newer schema (found in the registry) and of an older one, with no dead letter and no record
 * skipped; and a reader built with v1 only reads what this jar writes with v2.
 */
@SpringBootTest(
        classes = RollingUpgradeIT.App.class,
        properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "kabar.kafka.retries=0"})
class RollingUpgradeIT {

    static final Map<String, RelatedLinks> listened = new ConcurrentHashMap<>();
    static final Map<String, RelatedLinks> mirrored = new ConcurrentHashMap<>();

    @Autowired
    TopicMirror<RelatedLinks> mirror;

    @Autowired
    KafkaClients clients;

    @Test
    void newProducerOldConsumers_recordsOfASchemaThisJarLacksAreResolvedFromTheRegistry() throws Exception {
        Schema newer = withAudience(RelatedLinks.getClassSchema());
        String key = "newer-" + UUID.randomUUID();
        try (var producersRegistry = new KafkaSchemaRegistry(Map.of("bootstrap.servers", brokers()), TIMEOUT)) {
            producersRegistry.register(newer);
        }

        send(key, encode(newer, record(newer, key)));

        await().atMost(Duration.ofSeconds(60)).until(() -> listened.containsKey(key) && mirrored.containsKey(key));
        assertThat(List.of(listened.get(key), mirrored.get(key))).allSatisfy(links -> {
            assertThat(links.getSourceRevision()).isEqualTo(3);
            assertThat(links.getRanking()).isEqualTo("next/2");
            assertThat(links.getLinks()).extracting(RelatedLink::getTitle).containsExactly("Tautan terkait");
        });
        assertNothingDeadLetteredOrSkipped(key);
    }

    @Test
    void oldProducerNewConsumers_recordsOfTheReleasedV1ReadWithTheNewFieldsDefaults() throws Exception {
        Schema v1 = SchemaHistory.released("RelatedLinks").getFirst();
        assertThat(v1.getField("ranking")).as("v1 predates ranking").isNull();
        String key = "older-" + UUID.randomUUID();

        // An old producer never registered anything: the readers know v1 from the history in their jar.
        send(key, encode(v1, record(v1, key)));

        await().atMost(Duration.ofSeconds(60)).until(() -> listened.containsKey(key) && mirrored.containsKey(key));
        assertThat(List.of(listened.get(key), mirrored.get(key))).allSatisfy(links -> {
            assertThat(links.getRanking()).isNull();
            assertThat(links.getLinks()).extracting(RelatedLink::getTitle).containsExactly("Tautan terkait");
        });
        assertNothingDeadLetteredOrSkipped(key);
    }

    @Test
    void aReaderBuiltWithV1OnlyReadsWhatThisJarWritesByFindingItsSchemaInTheRegistry() throws Exception {
        String key = "current-" + UUID.randomUUID();
        RelatedLinks written = RelatedLinks.newBuilder()
                .setArticleId(key)
                .setComputedAt(Instant.now())
                .setSourceRevision(5)
                .setLinks(List.of(RelatedLink.newBuilder()
                        .setArticleId("lain")
                        .setTitle("Tautan terkait")
                        .setUrl("https://kabar.example/lain")
                        .setScore(0.5)
                        .build()))
                // What related-links-service writes today (its LinkListRecords.RANKING).
                .setRanking("lucene-like-query/3")
                .build();
        try (var producer =
                clients.producerFactory(Topics.RELATED_LINKS, Map.of()).createProducer()) {
            producer.send(new ProducerRecord<>(Topics.RELATED_LINKS.name(), key, written))
                    .get();
        }
        byte[] bytes = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> TestBroker.readAll(Topics.RELATED_LINKS.name(), new ByteArrayDeserializer()).stream()
                                .filter(r -> key.equals(r.key()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow()
                .value();

        Schema v1 = SchemaHistory.released("RelatedLinks").getFirst();
        GenericRecord read;
        try (var readersRegistry = new KafkaSchemaRegistry(Map.of("bootstrap.servers", brokers()), TIMEOUT)) {
            read = new BinaryMessageDecoder<GenericRecord>(GenericData.get(), v1, readersRegistry).decode(bytes);
        }

        assertThat(read.getSchema()).isEqualTo(v1);
        assertThat(read.get("articleId")).hasToString(key);
        assertThat(read.get("sourceRevision")).isEqualTo(5L);
    }

    private void assertNothingDeadLetteredOrSkipped(String key) {
        assertThat(TestBroker.readAll(Topics.RELATED_LINKS.deadLetter().name(), new ByteArrayDeserializer()))
                .extracting(ConsumerRecord::key)
                .doesNotContain(key);
        assertThat(mirror.undecodable()).doesNotContainKey(key);
    }

    /** How long a registry waits for the broker: generous, since CI runs every module's tests on two cores. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** RelatedLinks as a later release might have it: one more field, which this jar has never seen. */
    private static Schema withAudience(Schema current) {
        List<Schema.Field> fields = new ArrayList<>();
        current.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(new Schema.Field("audience", Schema.create(Schema.Type.STRING), "who the list is for", "umum"));
        return Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false, fields);
    }

    /** A list as a producer with {@code schema} writes it, through a generic record of that schema. */
    private static GenericRecord record(Schema schema, String key) {
        GenericRecord link =
                new GenericData.Record(schema.getField("links").schema().getElementType());
        link.put("articleId", "lain");
        link.put("title", "Tautan terkait");
        link.put("url", "https://kabar.example/lain");
        link.put("score", 0.5);
        GenericRecord links = new GenericData.Record(schema);
        links.put("articleId", key);
        links.put("computedAt", Instant.now().toEpochMilli());
        links.put("sourceRevision", 3L);
        links.put("links", List.of(link));
        if (schema.getField("ranking") != null) {
            links.put("ranking", "next/2");
        }
        if (schema.getField("audience") != null) {
            links.put("audience", "umum");
        }
        return links;
    }

    private static byte[] encode(Schema schema, GenericRecord record) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(record, out);
        return out.toByteArray();
    }

    private static void send(String key, byte[] value) throws Exception {
        try (var raw = new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", brokers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.RELATED_LINKS.name(), key, value))
                    .get();
        }
    }

    private static String brokers() {
        return TestBroker.brokers();
    }

    /** A consumer service as this jar builds it: a group listener and a mirror of the same topic. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Listener.class)
    static class App {

        @Bean
        ConcurrentKafkaListenerContainerFactory<String, RelatedLinks> relatedLinks(KafkaClients clients) {
            return clients.listenerFactory(
                    Topics.RELATED_LINKS,
                    Map.of(
                            ConsumerConfig.GROUP_ID_CONFIG,
                            "rolling-upgrade-it",
                            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                            "earliest"));
        }

        @Bean
        TopicMirror<RelatedLinks> relatedLinksMirror(KafkaClients clients) {
            return clients.mirror(Topics.RELATED_LINKS, mirrored::put);
        }
    }

    static class Listener {

        @KafkaListener(
                topics = "#{T(io.kabar.schemas.topics.Topics).RELATED_LINKS.name()}",
                containerFactory = "relatedLinks")
        void on(ConsumerRecord<String, RelatedLinks> record) {
            listened.put(record.key(), record.value());
        }
    }
}
