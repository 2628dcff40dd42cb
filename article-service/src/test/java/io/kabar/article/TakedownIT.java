package io.kabar.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kabar.schemas.topics.TopicSpec;
import io.kabar.schemas.topics.Topics;
import io.kabar.testing.Http;
import io.kabar.testing.KafkaBroker;
import io.kabar.testing.TestBroker;
import io.kabar.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A legal takedown removes the article from the log itself: on a broker of its own whose log cleaner runs every 100 ms
 * and whose topics compact within moments (the production bounds are in docs/operations.md), no record of any topic
 * holds the article's text once compaction has run.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kabar.auth.public-key-location=${" + TestTokens.PUBLIC_KEY_LOCATION + "}")
@DirtiesContext
class TakedownIT {

    private static final String TEXT = "Rahasia pribadi yang harus dihapus";
    private static final KafkaBroker broker =
            KafkaBroker.start(1, Map.of("log.cleaner.backoff.ms", "100", "log.segment.delete.delay.ms", "100"));

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @LocalServerPort
    int port;

    @Test
    void takesAnArticleDownSoThatAfterCompactionNoTopicHoldsItsText() throws Exception {
        Http editor = new Http(port).bearer(TestTokens.editor());
        Http.Answer created =
                editor.post("/api/articles", ArticleApiIT.article(TEXT), h -> h.set("Idempotency-Key", "takedown-1"));
        assertThat(created.status()).isEqualTo(HttpStatus.CREATED);
        String id = (String) created.get("id");
        compactQuickly();

        assertThat(new Http(port)
                        .bearer(TestTokens.writer())
                        .post("/api/articles/" + id + "/takedown", Map.of(), h -> {})
                        .status())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(editor.post("/api/articles/" + id + "/takedown", Map.of(), h -> {})
                        .status())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(editor.get("/api/articles/" + id).status()).isEqualTo(HttpStatus.NOT_FOUND);

        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    // Compaction never touches the active segment: later traffic rolls the one holding the tombstone.
                    editor.post(
                            "/api/articles",
                            ArticleApiIT.article("Berita lain"),
                            h -> h.set("Idempotency-Key", UUID.randomUUID().toString()));
                    assertThat(recordsHolding(TEXT)).isEmpty();
                });
    }

    /** Topic-level overrides, as an operator could set them: segments roll every 100 ms and are cleaned at once. */
    private static void compactQuickly() throws Exception {
        try (Admin admin = Admin.create(broker.adminProperties())) {
            Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
            for (TopicSpec<?, ?> topic : List.of(Topics.ARTICLES, Topics.ARTICLE_REQUESTS)) {
                changes.put(
                        new ConfigResource(ConfigResource.Type.TOPIC, topic.name()),
                        List.of(
                                set("segment.ms", "100"),
                                set("min.cleanable.dirty.ratio", "0.01"),
                                set("delete.retention.ms", "100"),
                                set("min.compaction.lag.ms", "0")));
            }
            admin.incrementalAlterConfigs(changes).all().get();
        }
    }

    private static AlterConfigOp set(String name, String value) {
        return new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET);
    }

    /** Every record of every registered topic whose key or value contains the text, as topic:offset. */
    private static List<String> recordsHolding(String text) {
        Map<String, Object> client = broker.adminProperties();
        return Topics.allWithDeadLetters().stream()
                .flatMap(topic -> TestBroker.readAll(client, topic.name(), new ByteArrayDeserializer()).stream())
                .filter(r -> r.value() != null && new String(r.value(), StandardCharsets.UTF_8).contains(text))
                .map(r -> r.topic() + ":" + r.offset())
                .toList();
    }
}
