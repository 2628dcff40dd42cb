package io.kabar.e2e;

import io.kabar.schemas.topics.TopicSpec;
import io.kabar.schemas.topics.Topics;
import io.kabar.testing.Http;
import io.kabar.testing.TestBroker;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * (c) Writes poison to every registered topic (random bytes, a record of another contract, a null value) and records
 * of the next, unknown version of the articles' and page views' schemas; then checks that every service carries on
 * with good records written after them, and counts what was dead-lettered.
 */
final class PoisonScenario {

    /** Topics whose consumers are groups or Kafka Streams, which dead-letter what they cannot process (mirrors skip). */
    static final Set<String> DEAD_LETTERING = Set.of(
            Topics.ARTICLES.name(),
            Topics.PAGE_VIEWS.name(),
            Topics.RELATED_LINKS_OWN_REQUESTS.name(),
            Topics.RELATED_LINKS_REQUESTS.name(),
            Topics.ALERT_DELIVERIES.name());

    private static final int VIEWS = 5;

    /** One injected record. */
    record Injected(String topic, String kind, int partition, long offset) {}

    /**
     * What the scenario measured: the injected records, which of them reached a dead-letter topic (and how many dead
     * letters there were in all, one per consumer that gave up), and which good-record checks passed.
     */
    record Outcome(
            List<Injected> injected,
            Set<Injected> deadLettered,
            int deadLetters,
            Map<String, Boolean> carriedOn,
            Duration complete) {}

    private PoisonScenario() {}

    static Outcome run(FaultStack stack) throws Exception {
        List<Injected> injected = inject(stack.brokers());
        Instant injectedAt = Instant.now();

        String category = "Racun-" + UUID.randomUUID().toString().substring(0, 8);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Http.Answer subscribed = stack.http(FaultStack.NOTIFICATIONS)
                    .post(
                            "/api/subscriptions",
                            Map.of(
                                    "channel", "webhook",
                                    "url", receiver.url("/racun"),
                                    "categories", List.of(category)));
            boolean subscribes = subscribed.status().value() == 201;
            Settle.until(
                    "the subscription visible",
                    () -> stack.http(FaultStack.NOTIFICATIONS)
                            .get(
                                    "/api/subscriptions/" + subscribed.get("id"),
                                    h -> h.setBearerAuth((String) subscribed.get("managementToken")))
                            .status()
                            .is2xxSuccessful());
            String id = stack.publish("Pasokan listrik Sumatra pulih setelah gangguan " + category, category, true);
            for (int i = 0; i < VIEWS; i++) {
                stack.http(FaultStack.TRENDING)
                        .post(
                                "/api/page-views",
                                Map.of("articleId", id, "sessionId", "racun-" + i),
                                h -> h.set("X-Forwarded-For", "192.0.2.7"));
            }
            Map<String, Callable<Boolean>> checks = Map.of(
                    "article-service reads the article",
                            () -> stack.http(FaultStack.ARTICLES)
                                    .get("/api/articles/" + id)
                                    .status()
                                    .is2xxSuccessful(),
                    "related-links-service lists it",
                            () -> stack.http(FaultStack.RELATED)
                                    .get("/api/articles/" + id + "/related")
                                    .status()
                                    .is2xxSuccessful(),
                    "notification-service alerts the subscriber",
                            () -> subscribes && receiver.bodies().stream().anyMatch(b -> b.contains(id)),
                    "trending-service counts its views",
                            () -> stack.http(FaultStack.TRENDING)
                                    .get("/api/trending?window=1h&category=" + category)
                                    .pluck("articles", "views")
                                    .equals(List.of(VIEWS)));
            Instant done = Settle.until("every service carries on", () -> {
                for (var check : checks.values()) {
                    if (!check.call()) {
                        return false;
                    }
                }
                return true;
            });
            Map<String, Boolean> carriedOn = new TreeMap<>();
            for (var check : checks.entrySet()) {
                carriedOn.put(
                        check.getKey(), Boolean.TRUE.equals(check.getValue().call()));
            }
            // Every record that must be dead-lettered, not as many dead letters: optional ones (null values, a newer
            // schema) may come first and would end the wait early.
            List<Injected> required =
                    injected.stream().filter(PoisonScenario::mustBeDeadLettered).toList();
            Settle.until(
                    "the poison dead-lettered",
                    () -> deadLettered(stack, injected).containsAll(required));
            List<ConsumerRecord<String, byte[]>> deadLetters = deadLetters(stack);
            return new Outcome(
                    injected,
                    deadLettered(stack, injected),
                    (int) deadLetters.stream()
                            .filter(r -> matching(r, injected) != null)
                            .count(),
                    carriedOn,
                    done == null ? null : Duration.between(injectedAt, done));
        }
    }

    /** Garbage and other contracts on a topic read by a group or a Streams app must end in its dead-letter topic. */
    static boolean mustBeDeadLettered(Injected record) {
        return DEAD_LETTERING.contains(record.topic())
                && (record.kind().equals("garbage") || record.kind().equals("other contract"));
    }

    private static List<Injected> inject(String brokers) throws InterruptedException, ExecutionException {
        PoisonRecords poison = new PoisonRecords(Long.getLong("kabar.fault.seed", 20261201L));
        List<Injected> injected = new ArrayList<>();
        Map<String, Object> props =
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (TopicSpec<?, ?> topic : Topics.all()) {
                boolean pageViews = topic.name().equals(Topics.PAGE_VIEWS.name());
                write(producer, injected, topic.name(), "garbage", poison.garbage());
                write(producer, injected, topic.name(), "other contract", PoisonRecords.otherContract(!pageViews));
                write(producer, injected, topic.name(), "null value", null);
            }
            String newer = UUID.randomUUID().toString();
            write(
                    producer,
                    injected,
                    Topics.ARTICLES.name(),
                    "newer schema",
                    PoisonRecords.newerSchema(PoisonRecords.article(newer, "Skema-Baru")));
            write(
                    producer,
                    injected,
                    Topics.PAGE_VIEWS.name(),
                    "newer schema",
                    PoisonRecords.newerSchema(PoisonRecords.pageView(newer)));
        }
        return injected;
    }

    private static void write(
            KafkaProducer<String, byte[]> producer, List<Injected> injected, String topic, String kind, byte[] value)
            throws InterruptedException, ExecutionException {
        RecordMetadata written = producer.send(new ProducerRecord<>(topic, "racun-" + UUID.randomUUID(), value))
                .get();
        injected.add(new Injected(topic, kind, written.partition(), written.offset()));
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters(FaultStack stack) {
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        for (TopicSpec<?, ?> topic : Topics.all()) {
            all.addAll(TestBroker.readAll(stack.brokers(), topic.deadLetter().name(), new ByteArrayDeserializer()));
        }
        return all;
    }

    private static Set<Injected> deadLettered(FaultStack stack, List<Injected> injected) {
        Set<Injected> found = new HashSet<>();
        for (ConsumerRecord<String, byte[]> letter : deadLetters(stack)) {
            Injected original = matching(letter, injected);
            if (original != null) {
                found.add(original);
            }
        }
        return found;
    }

    /** The injected record a dead letter is a copy of, by the origin headers the dead-letter recoverer writes. */
    private static Injected matching(ConsumerRecord<String, byte[]> letter, List<Injected> injected) {
        Header topic = letter.headers().lastHeader("kafka_dlt-original-topic");
        Header partition = letter.headers().lastHeader("kafka_dlt-original-partition");
        Header offset = letter.headers().lastHeader("kafka_dlt-original-offset");
        if (topic == null || partition == null || offset == null) {
            return null;
        }
        String name = new String(topic.value(), StandardCharsets.UTF_8);
        int p = ByteBuffer.wrap(partition.value()).getInt();
        long o = ByteBuffer.wrap(offset.value()).getLong();
        return injected.stream()
                .filter(i -> i.topic().equals(name) && i.partition() == p && i.offset() == o)
                .findFirst()
                .orElse(null);
    }
}
