package io.kabar.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kabar.schemas.topics.CleanupPolicy;
import io.kabar.schemas.topics.Topics;
import io.kabar.testing.Http;
import io.kabar.testing.KafkaBroker;
import io.kabar.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A legal takedown removes the article from the log itself. On a broker of its own, whose log cleaner and retention
 * check run every fraction of a second (the shared broker's run every few minutes, and shrinking a shared topic's
 * retention would delete other tests' records), the topics are then set to compact and expire within moments, as an
 * operator could set them; the production bounds are in docs/operations.md. Once that has run, no record of any topic
 * on the broker holds the article's text, its slug or its Idempotency-Key. (The broker's extension is registered
 * before @SpringBootTest's, so that it stops the broker after the service has stopped.)
 */
@ExtendWith(TakedownIT.StopBrokerLast.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "kabar.kafka.partitions=2",
            "kabar.auth.public-key-location=${" + TestTokens.PUBLIC_KEY_LOCATION + "}"
        })
@DirtiesContext
class TakedownIT {

    private static final KafkaBroker broker = KafkaBroker.start(
            2,
            Map.of(
                    "log.cleaner.backoff.ms",
                    "100",
                    "log.retention.check.interval.ms",
                    "200",
                    "log.segment.delete.delay.ms",
                    "0",
                    "log.cleaner.delete.retention.ms",
                    "100"));

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
    }

    /** Stops the broker once the service has stopped, so that its clients do not spend their shutdown calling it. */
    static final class StopBrokerLast implements AfterAllCallback {
        @Override
        public void afterAll(ExtensionContext context) {
            broker.close();
        }
    }

    @LocalServerPort
    int port;

    @Test
    void takesAnArticleDownSoThatOnceCompactedAndExpiredNoTopicHoldsItsText() throws Exception {
        String secret = "rahasia"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        String key = "takedown-" + secret;
        Http editor = new Http(port).bearer(TestTokens.editor());
        Http.Answer created = editor.post(
                "/api/articles",
                ArticleApiIT.article("Kabar " + secret + " pribadi"),
                h -> h.set("Idempotency-Key", key));
        assertThat(created.status()).isEqualTo(HttpStatus.CREATED);
        String id = (String) created.get("id");
        assertThat(editor.put(
                                "/api/articles/" + id,
                                ArticleApiIT.article("Kabar " + secret + " diperbarui"),
                                h -> h.setIfMatch("\"1\""))
                        .status())
                .isEqualTo(HttpStatus.OK);

        Http.Answer writer = new Http(port)
                .bearer(TestTokens.writer())
                .post("/api/articles/" + id + "/takedown", Map.of("reason", "putusan pengadilan"));
        assertThat(writer.status()).isEqualTo(HttpStatus.FORBIDDEN);
        Http.Answer invalid = editor.post("/api/articles/" + id + "/takedown", Map.of("reason", "x".repeat(501)));
        assertThat(invalid.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.invalidFields()).containsExactly("reason");
        assertThat(editor.post("/api/articles/" + UUID.randomUUID() + "/takedown", Map.of())
                        .status())
                .isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(editor.post("/api/articles/" + id + "/takedown", Map.of("reason", "putusan pengadilan 12/2026"))
                        .status())
                .isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(editor.get("/api/articles/" + id).status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(editor.get("/api/articles?limit=100").pluck("articles", "id"))
                .doesNotContain(id);
        assertThat(editor.post("/api/articles/" + id + "/takedown", Map.of()).status())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(recordsHolding(secret)).isNotEmpty();

        expireAndCompactWithinMoments();
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    // Neither the cleaner nor retention touch the active segment: later writes roll the one in use.
                    editor.post(
                            "/api/articles",
                            ArticleApiIT.article("Berita lain " + UUID.randomUUID()),
                            h -> h.set("Idempotency-Key", UUID.randomUUID().toString()));
                    assertThat(recordsHolding(secret)).isEmpty();
                });
    }

    /**
     * Topic-level overrides: segments roll every 100 ms; compacted topics clean as soon as anything is superseded and
     * keep tombstones 100 ms; the others keep records two seconds. Set only now, so that no write above can expire
     * before it is applied.
     */
    private static void expireAndCompactWithinMoments() throws Exception {
        try (Admin admin = Admin.create(broker.adminProperties())) {
            Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
            for (var topic : Topics.allWithDeadLetters()) {
                List<AlterConfigOp> ops = new ArrayList<>(List.of(set(TopicConfig.SEGMENT_MS_CONFIG, "100")));
                if (topic.cleanup() != CleanupPolicy.DELETE) {
                    ops.add(set(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.01"));
                    ops.add(set(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0"));
                    ops.add(set(TopicConfig.DELETE_RETENTION_MS_CONFIG, "100"));
                }
                if (topic.cleanup() != CleanupPolicy.COMPACT) {
                    ops.add(set(TopicConfig.RETENTION_MS_CONFIG, "2000"));
                }
                changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()), ops);
            }
            admin.incrementalAlterConfigs(changes).all().get();
        }
    }

    private static AlterConfigOp set(String name, String value) {
        return new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET);
    }

    /**
     * Every record, committed or not, of every topic on the broker but Kafka's own whose key or value contains the
     * text, as topic@offset.
     */
    private static List<String> recordsHolding(String text) throws Exception {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        Map<String, Object> props = new HashMap<>(broker.adminProperties());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        List<String> found = new ArrayList<>();
        try (Admin admin = Admin.create(broker.adminProperties());
                var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (var topic : admin.describeTopics(admin.listTopics().names().get())
                    .allTopicNames()
                    .get()
                    .values()) {
                if (!topic.name().startsWith("__")) {
                    topic.partitions().forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (var r : consumer.poll(Duration.ofMillis(200))) {
                    if (contains(r.key(), needle) || contains(r.value(), needle)) {
                        found.add(r.topic() + "@" + r.offset());
                    }
                }
            }
        }
        return found;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        if (haystack == null) {
            return false;
        }
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
