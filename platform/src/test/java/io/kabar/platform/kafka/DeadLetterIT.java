package io.kabar.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kabar.platform.tools.DeadLetters;
import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.serde.AvroSerializer;
import io.kabar.schemas.topics.TopicSpec;
import io.kabar.schemas.topics.Topics;
import io.kabar.testing.TestArticles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

/** A listener built from the platform survives bad records: they go to the dead-letter topic and the good ones flow on. */
@SpringBootTest(
        classes = DeadLetterIT.App.class,
        properties = {
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "kabar.kafka.retries=1",
            "kabar.kafka.retry-backoff=50ms"
        })
class DeadLetterIT {

    static final Set<String> processed = ConcurrentHashMap.newKeySet();
    static final Set<String> mirrored = ConcurrentHashMap.newKeySet();

    @Autowired
    TopicMirror<ArticleEvent> mirror;

    @Autowired
    MirrorsHealthIndicator mirrorsHealth;

    @Test
    void sendsUndecodableAndFailingRecordsToTheDeadLetterTopicAndKeepsConsuming() throws Exception {
        String garbage = "garbage-" + UUID.randomUUID();
        String poison = "poison-" + UUID.randomUUID();
        String good = "good-" + UUID.randomUUID();
        try (var raw = new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", brokers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(
                            Topics.ARTICLES.name(), garbage, "{not avro}".getBytes(StandardCharsets.UTF_8)))
                    .get();
            AvroSerializer<ArticleEvent> avro = new AvroSerializer<>(ArticleEvent.class);
            raw.send(new ProducerRecord<>(Topics.ARTICLES.name(), poison, avro.serialize("t", event(poison))))
                    .get();
            raw.send(new ProducerRecord<>(Topics.ARTICLES.name(), good, avro.serialize("t", event(good))))
                    .get();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> processed.contains(good) && mirrored.contains(good));
        List<ConsumerRecord<String, byte[]>> dead =
                records(Topics.ARTICLES.deadLetter().name(), Set.of(garbage, poison));
        assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(garbage, poison);
        assertThat(dead)
                .allSatisfy(r -> assertThat(r.headers().lastHeader("kafka_dlt-exception-message"))
                        .isNotNull());
        assertThat(dead.stream()
                        .filter(r -> r.key().equals(garbage))
                        .findFirst()
                        .orElseThrow()
                        .value())
                .asString(StandardCharsets.UTF_8)
                .isEqualTo("{not avro}");
        assertThat(processed).doesNotContain(garbage);
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", brokers()),
                new StringSerializer(),
                new AvroSerializer<>(ArticleEvent.class))) {
            // A decodable state for the key, so that the shared mirror is caught up again for the other tests.
            producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), garbage, event(garbage)))
                    .get();
        }
    }

    @Test
    void aMirrorThatCannotDecodeTheLatestRecordOfAKeyIsNotCaughtUpUntilADecodableOneFollows() throws Exception {
        String garbage = "undecodable-" + UUID.randomUUID();
        try (var raw = new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", brokers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(
                            Topics.ARTICLES.name(), garbage, "{not avro}".getBytes(StandardCharsets.UTF_8)))
                    .get();

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> mirror.undecodable().containsKey(garbage));
            assertThat(mirror.isCaughtUp()).isFalse();
            Health health = mirrorsHealth.health();
            assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
            assertThat(health.getDetails().get(Topics.ARTICLES.name()))
                    .asString()
                    .startsWith("not caught up: cannot decode the latest record of")
                    .contains(garbage);

            raw.send(new ProducerRecord<>(
                            Topics.ARTICLES.name(),
                            garbage,
                            new AvroSerializer<>(ArticleEvent.class).serialize("t", event(garbage))))
                    .get();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> mirror.isCaughtUp());
        assertThat(mirrorsHealth.health().getDetails()).containsEntry(Topics.ARTICLES.name(), "caught up");
    }

    @Test
    void operatorsToolShowsDeadLettersWithTheirReasonAndReplaysEachOnceWithoutTheFailureHeaders() throws Exception {
        String key = "view-" + UUID.randomUUID();
        TopicSpec<?, ?> topic = Topics.PAGE_VIEWS;
        try (var raw = new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", brokers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> dead =
                    new ProducerRecord<>(topic.deadLetter().name(), key, "bytes".getBytes(StandardCharsets.UTF_8));
            dead.headers().add("kafka_dlt-exception-message", "schema unknown".getBytes(StandardCharsets.UTF_8));
            dead.headers().add("trace", "kept".getBytes(StandardCharsets.UTF_8));
            raw.send(dead).get();
        }
        ByteArrayOutputStream shown = new ByteArrayOutputStream();

        DeadLetters.run("show", topic.name(), brokers(), new PrintStream(shown, true, StandardCharsets.UTF_8));
        int replayed = DeadLetters.run("replay", topic.name(), brokers(), System.out);
        int again = DeadLetters.run("replay", topic.name(), brokers(), System.out);

        assertThat(shown.toString(StandardCharsets.UTF_8)).contains("key=" + key + " reason=schema unknown");
        assertThat(replayed).isEqualTo(1);
        assertThat(again).isZero();
        List<ConsumerRecord<String, byte[]>> copies = records(topic.name(), Set.of(key));
        assertThat(copies).singleElement().satisfies(copy -> {
            assertThat(copy.headers().lastHeader("kafka_dlt-exception-message")).isNull();
            assertThat(copy.headers().lastHeader("trace")).isNotNull();
        });
    }

    /** The records of the keys, read by a fresh group from the topic's start until each key has one. */
    private static List<ConsumerRecord<String, byte[]>> records(String topic, Set<String> keys) {
        Map<String, Object> props = Map.of(
                "bootstrap.servers",
                brokers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "read-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (keys.contains(r.key())) {
                        found.add(r);
                    }
                });
                return keys.stream().allMatch(key -> found.stream().anyMatch(r -> key.equals(r.key())));
            });
        }
        return found;
    }

    private static String brokers() {
        return System.getProperty("spring.embedded.kafka.brokers");
    }

    private static ArticleEvent event(String id) {
        return TestArticles.event(id, 1, "Judul", "Uji", false);
    }

    /** A minimal service: one listener that fails on "poison" articles, and a mirror. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Listener.class)
    static class App {

        @Bean
        ConcurrentKafkaListenerContainerFactory<String, ArticleEvent> articles(KafkaClients clients) {
            return clients.listenerFactory(Topics.ARTICLES, Map.of(ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-it"));
        }

        @Bean
        TopicMirror<ArticleEvent> mirror(KafkaClients clients) {
            return clients.mirror(Topics.ARTICLES, (key, event) -> mirrored.add(key));
        }
    }

    static class Listener {

        @KafkaListener(topics = "#{T(io.kabar.schemas.topics.Topics).ARTICLES.name()}", containerFactory = "articles")
        void on(ArticleEvent event) {
            if (event.getArticle().getId().startsWith("poison")) {
                throw new IllegalStateException(
                        "cannot process " + event.getArticle().getId());
            }
            processed.add(event.getArticle().getId());
        }
    }
}
