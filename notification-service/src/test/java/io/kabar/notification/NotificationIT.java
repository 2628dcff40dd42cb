package io.kabar.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kabar.notification.subscriptions.SubscriptionView;
import io.kabar.notification.targets.TargetPolicy;
import io.kabar.schemas.AlertedArticle;
import io.kabar.schemas.ArticleEventType;
import io.kabar.schemas.BreakingAlert;
import io.kabar.schemas.serde.AvroDeserializer;
import io.kabar.schemas.topics.Topics;
import io.kabar.testing.Http;
import io.kabar.testing.TestBroker;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@ActiveProfiles("it")
// Closes the context while the shared broker still runs; closed at JVM exit instead, its clients wait for a gone
// broker.
@DirtiesContext
class NotificationIT {

    static final Receiver receiver = new Receiver();
    static final Duration WAIT = Duration.ofSeconds(30);
    static final Map<String, InetAddress> dns = new ConcurrentHashMap<>();

    /** Name resolution the test controls: names it knows resolve as told, everything else as usual. */
    @TestConfiguration
    static class Dns {
        @Bean
        @Primary
        TargetPolicy.Resolver testResolver() {
            return host -> dns.containsKey(host) ? new InetAddress[] {dns.get(host)} : InetAddress.getAllByName(host);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    SubscriptionView view;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void aHostThatNeverAnswersDelaysAndDuplicatesNobodyElseAndEndsInDeadLettersWithAReason() throws Exception {
        String category = unique("Bencana");
        try (HangingHost hanging = new HangingHost();
                Receiver healthy = new Receiver(40, 32)) {
            List<String> hangingIds = Kafka.subscriptions(
                    brokers,
                    IntStream.range(0, 2000)
                            .mapToObj(i -> hanging.url("/hang/" + i))
                            .toList(),
                    category);
            List<String> healthyPaths =
                    IntStream.range(0, 100).mapToObj(i -> "/healthy/" + i).toList();
            List<String> healthyIds = Kafka.subscriptions(
                    brokers, healthyPaths.stream().map(healthy::url).toList(), category);
            await().atMost(WAIT)
                    .until(() -> Stream.concat(hangingIds.stream(), healthyIds.stream())
                            .allMatch(id -> view.find(id).isPresent()));

            // Measured from a settled group: a rebalance while the alert is out would redeliver a batch.
            await().atMost(WAIT).until(this::listenersAssigned);
            String article = UUID.randomUUID().toString();
            Kafka.publish(brokers, Kafka.event(article, 1, ArticleEventType.PUBLISHED, category, true));

            await().atMost(WAIT)
                    .until(() -> healthyPaths.stream()
                            .allMatch(p -> !healthy.received(p).isEmpty()));
            // Recorded, not asserted (a loaded machine may miss any wall-clock figure): the bound is 2 s from the
            // article's record (its timestamp) to the last healthy receiver.
            Instant published =
                    Instant.ofEpochMilli(Kafka.records(Topics.ARTICLES.name(), article, new ByteArrayDeserializer())
                            .get(0)
                            .timestamp());
            Instant alerted = alertsOf(article).get(0).getCreatedAt();
            List<Instant> arrivals = healthyPaths.stream()
                    .map(p -> healthy.received(p).get(0).at())
                    .sorted()
                    .toList();
            System.out.printf(
                    "healthy receivers next to a hanging host: alert created %d ms after publishing; the first of"
                            + " 100 received it %d ms, the last %d ms after publishing%n",
                    Duration.between(published, alerted).toMillis(),
                    Duration.between(published, arrivals.getFirst()).toMillis(),
                    Duration.between(published, arrivals.getLast()).toMillis());
            String dlt = Topics.ALERT_DELIVERIES.deadLetter().name();
            Set<String> hangingKeys = Set.copyOf(hangingIds);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> deadLetters(dlt, hangingKeys).size() == hangingIds.size());
            assertThat(deadLetters(dlt, hangingKeys))
                    .allSatisfy(reason -> assertThat(reason)
                            // Which of the host's own failures ended it depends on timing; each names the host's fault.
                            .containsAnyOf(
                                    "circuit open for 127.0.0.1",
                                    "queue for 127.0.0.1",
                                    "timed out",
                                    "no answer within the batch deadline")
                            // Its attempts used up, or (refused by its open circuit, which uses none) expired.
                            .containsAnyOf("gave up after 3 attempts", "not sent within 10 s of the alert"));
            // One delivery per healthy subscriber (one webhook-id), never handed to the retry path by the bad host.
            assertThat(healthyPaths)
                    .allSatisfy(p -> assertThat(healthy.received(p))
                            .extracting(Receiver.Request::id)
                            .containsOnly(healthy.received(p).get(0).id()));
            Set<String> healthyKeys = Set.copyOf(healthyIds);
            assertThat(TestBroker.readAll(Topics.ALERT_DELIVERY_RETRIES.name(), new ByteArrayDeserializer()))
                    .noneMatch(r -> healthyKeys.contains(r.key()));
            assertThat(deadLetters(dlt, healthyKeys)).isEmpty();
        }
    }

    private boolean listenersAssigned() {
        return listeners.getListenerContainers().stream().allMatch(c -> {
            var assignments = c.getAssignmentsByClientId();
            int consumers = ((ConcurrentMessageListenerContainer<?, ?>) c).getConcurrency();
            return assignments != null
                    && assignments.size() == consumers
                    && assignments.values().stream().noneMatch(Collection::isEmpty);
        });
    }

    private static List<String> deadLetters(String topic, Set<String> keys) {
        return TestBroker.readAll(topic, new ByteArrayDeserializer()).stream()
                .filter(r -> keys.contains(r.key()))
                .map(r -> new String(
                        r.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                .toList();
    }

    @Test
    void breakingArticleReachesOnlyTheMatchingSubscriberSigned() throws Exception {
        String category = unique("Nasional");
        String path = "/" + unique("hook");
        Map<String, Object> matching = subscribe(receiver.url(path), List.of(category), List.of());
        String other = (String) subscribe(receiver.url("/" + unique("other")), List.of(unique("Olahraga")), List.of())
                .get("id");
        String article = UUID.randomUUID().toString();

        Kafka.publish(brokers, Kafka.event(article, 1, ArticleEventType.PUBLISHED, category, true));

        await().atMost(WAIT).until(() -> receiver.received(path).size() == 1);
        Receiver.Request request = receiver.received(path).get(0);
        assertThat(request.signature()).isEqualTo(expectedSignature((String) matching.get("secret"), request));
        assertThat(request.id()).startsWith("msg_");
        @SuppressWarnings("unchecked")
        Map<String, Object> body = new JsonMapper().readValue(request.body(), Map.class);
        assertThat(body)
                .containsEntry("articleId", article)
                .containsEntry("category", category)
                .containsEntry("url", "https://kabar.example/berita-" + article)
                .containsEntry("summary", "Ringkasan.")
                .containsKeys("alertId", "title", "tags", "publishedAt");
        assertThat(Kafka.records(Topics.ALERT_DELIVERIES.name(), other, new ByteArrayDeserializer()))
                .isEmpty();
    }

    @Test
    void alertsOnceWhenAnUpdateTurnsBreakingOnAndNeverForResentOrLaterRevisions() {
        String category = unique("Ekonomi");
        String path = "/" + unique("hook");
        subscribe(receiver.url(path), List.of(), List.of("gempa"));
        String article = UUID.randomUUID().toString();

        Kafka.publish(
                brokers,
                Kafka.event(article, 1, ArticleEventType.PUBLISHED, category, false),
                Kafka.event(article, 2, ArticleEventType.UPDATED, category, true),
                Kafka.event(article, 2, ArticleEventType.UPDATED, category, true),
                Kafka.event(article, 1, ArticleEventType.PUBLISHED, category, true),
                Kafka.event(article, 3, ArticleEventType.UPDATED, category, true));

        // One transaction writes both topics, but each partition's commit marker lands on its own: wait for both.
        await().atMost(WAIT)
                .until(() -> alertedRevision(article) == 3 && !alertsOf(article).isEmpty());
        List<BreakingAlert> alerts = alertsOf(article);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).getArticleRevision()).isEqualTo(2);
        await().atMost(WAIT).until(() -> receiver.received(path).size() == 1);
    }

    @Test
    void aTakedownTombstonesTheArticlesAlertSoThatCompactionRemovesItsText() {
        String category = unique("Hukum");
        String article = UUID.randomUUID().toString();
        Kafka.publish(brokers, Kafka.event(article, 1, ArticleEventType.PUBLISHED, category, true));
        await().atMost(WAIT).until(() -> alertsOf(article).size() == 1);

        Kafka.tombstone(brokers, article);

        await().atMost(WAIT)
                .until(() -> Kafka.records(Topics.BREAKING_ALERTS.name(), article, new ByteArrayDeserializer()).stream()
                        .anyMatch(r -> r.value() == null));
    }

    @Test
    void nonBreakingArticleAlertsNobody() {
        String category = unique("Hiburan");
        String article = UUID.randomUUID().toString();
        String path = "/" + unique("hook");
        subscribe(receiver.url(path), List.of(category), List.of());

        Kafka.publish(brokers, Kafka.event(article, 1, ArticleEventType.PUBLISHED, category, false));

        await().atMost(WAIT).until(() -> alertedRevision(article) == 1);
        assertThat(alertsOf(article)).isEmpty();
        assertThat(receiver.received(path)).isEmpty();
    }

    @Test
    void retriesAFailingReceiverWithTheSameWebhookIdUntilItAccepts() {
        String category = unique("Metro");
        String path = "/" + unique("flaky");
        receiver.answer(path, n -> n <= 2 ? 503 : 200);
        subscribe(receiver.url(path), List.of(category), List.of());
        String article = UUID.randomUUID().toString();

        Kafka.publish(brokers, Kafka.event(article, 1, ArticleEventType.PUBLISHED, category, true));

        await().atMost(WAIT).until(() -> receiver.received(path).size() == 3);
        assertThat(receiver.received(path))
                .extracting(Receiver.Request::id)
                .containsOnly(receiver.received(path).get(0).id());
        assertThat(alertsOf(article)).hasSize(1);
    }

    @Test
    void deadLettersADeliveryToAReceiverThatIsDown() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String category = unique("Daerah");
        String id = (String) subscribe("http://127.0.0.1:" + closedPort + "/hook", List.of(category), List.of())
                .get("id");

        Kafka.publish(
                brokers, Kafka.event(UUID.randomUUID().toString(), 1, ArticleEventType.PUBLISHED, category, true));

        String dlt = Topics.ALERT_DELIVERIES.deadLetter().name();
        await().atMost(WAIT)
                .until(() ->
                        !Kafka.records(dlt, id, new ByteArrayDeserializer()).isEmpty());
        var dead = Kafka.records(dlt, id, new ByteArrayDeserializer()).get(0);
        assertThat(new String(
                        dead.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                .contains("no connection")
                .contains("gave up after 3 attempts");
        assertThat(new String(
                        dead.headers().lastHeader("kabar_delivery-attempts").value(), StandardCharsets.UTF_8))
                .isEqualTo("3");
    }

    @Test
    void deactivatesASubscriptionWhoseReceiverAnswersGone() {
        String category = unique("Politik");
        String path = "/" + unique("gone");
        receiver.answer(path, n -> 410);
        Map<String, Object> created = subscribe(receiver.url(path), List.of(category), List.of());
        String id = (String) created.get("id");
        Consumer<HttpHeaders> owner = bearer(created);

        Kafka.publish(
                brokers, Kafka.event(UUID.randomUUID().toString(), 1, ArticleEventType.PUBLISHED, category, true));

        await().atMost(WAIT)
                .until(() -> Boolean.FALSE.equals(
                        http.get("/api/subscriptions/" + id, owner).get("active")));
        assertThat(http.get("/api/subscriptions/" + id, owner).body())
                .containsKey("deactivatedAt")
                .containsEntry("deactivationReason", "the target answered 410 Gone");
        assertThat(receiver.received(path)).hasSize(1);
    }

    @Test
    void streamsAlertsAndReplaysTheMissedOnesAfterLastEventId() throws Exception {
        String category = unique("Teknologi");
        String stream = "http://127.0.0.1:" + port + "/api/alerts/stream?categories=" + category;
        String first = UUID.randomUUID().toString();
        String lastId;
        try (SseClient client = new SseClient(stream, null)) {
            Kafka.publish(
                    brokers,
                    Kafka.event(first, 1, ArticleEventType.PUBLISHED, category, true),
                    Kafka.event(UUID.randomUUID().toString(), 1, ArticleEventType.PUBLISHED, unique("Lain"), true));
            await().atMost(WAIT).until(() -> client.events().size() == 1);
            SseClient.Event event = client.events().get(0);
            assertThat(event.name()).isEqualTo("alert.created");
            assertThat(event.data()).contains(first);
            lastId = event.id();
        }
        String second = UUID.randomUUID().toString();
        String third = UUID.randomUUID().toString();
        Kafka.publish(
                brokers,
                Kafka.event(second, 1, ArticleEventType.PUBLISHED, category, true),
                Kafka.event(third, 1, ArticleEventType.PUBLISHED, category, true));
        await().atMost(WAIT)
                .until(() -> alertsOf(second).size() == 1 && alertsOf(third).size() == 1);

        try (SseClient resumed = new SseClient(stream, lastId)) {
            String fourth = UUID.randomUUID().toString();
            Kafka.publish(brokers, Kafka.event(fourth, 1, ArticleEventType.PUBLISHED, category, true));
            await().atMost(WAIT).until(() -> resumed.events().size() == 3);
            assertThat(resumed.events())
                    .extracting(SseClient.Event::data)
                    .anyMatch(d -> d.contains(second))
                    .anyMatch(d -> d.contains(third))
                    .anyMatch(d -> d.contains(fourth))
                    .noneMatch(d -> d.contains(first));
        }
    }

    @Test
    void subscriptionsBelongToWhoeverHoldsTheirManagementTokenShownOnlyOnce() {
        Http.Answer created = http.post(
                "/api/subscriptions",
                Map.of("channel", "webhook", "url", receiver.url("/crud"), "categories", List.of("Nasional")));
        Map<String, Object> other = subscribe(receiver.url("/crud-other"), List.of(), List.of());

        assertThat(created.status()).isEqualTo(HttpStatus.CREATED);
        String id = (String) created.get("id");
        assertThat(created.headers().getLocation()).hasPath("/api/subscriptions/" + id);
        assertThat((String) created.get("secret")).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(((String) created.get("secret")).substring(6)))
                .hasSize(32);
        assertThat((String) created.get("managementToken")).startsWith("kbm_");
        assertThat(created.body()).containsEntry("breakingOnly", true).containsEntry("active", true);

        Http.Answer anonymous = http.get("/api/subscriptions/" + id);
        assertThat(anonymous.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        assertThat(anonymous.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(http.delete("/api/subscriptions/" + id).status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        Http.Answer stranger = http.get("/api/subscriptions/" + id, bearer(other));
        assertThat(stranger.status()).isEqualTo(HttpStatus.NOT_FOUND);
        Http.Answer unknown = http.get("/api/subscriptions/" + UUID.randomUUID(), bearer(other));
        assertThat(stranger.body().keySet()).isEqualTo(unknown.body().keySet());
        assertThat(stranger.get("title")).isEqualTo(unknown.get("title"));
        assertThat(http.delete("/api/subscriptions/" + id, bearer(other)).status())
                .isEqualTo(HttpStatus.NOT_FOUND);

        Http.Answer read = http.get("/api/subscriptions/" + id, bearer(created.body()));
        assertThat(read.status()).isEqualTo(HttpStatus.OK);
        assertThat(read.body()).containsEntry("id", id).doesNotContainKeys("secret", "managementToken");
        assertThat(http.delete("/api/subscriptions/" + id, bearer(created.body()))
                        .status())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(http.get("/api/subscriptions/" + id, bearer(created.body())).status())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.get("/api/subscriptions/" + other.get("id"), bearer(other))
                        .status())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aRetriedSubscribeAnswersTheFirstSubscriptionWithItsCredentialsAndStoresNoSecret() {
        String key = unique("subscribe");
        Map<String, Object> request =
                Map.of("channel", "webhook", "url", receiver.url("/idem"), "categories", List.of("Nasional"));

        Http.Answer first = http.post("/api/subscriptions", request, h -> h.set("Idempotency-Key", key));
        Http.Answer retried = http.post("/api/subscriptions", request, h -> h.set("Idempotency-Key", key));
        Http.Answer reused = http.post(
                "/api/subscriptions",
                Map.of("channel", "webhook", "url", receiver.url("/idem-other")),
                h -> h.set("Idempotency-Key", key));

        assertThat(first.status()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.headers().getFirst("Idempotent-Replayed")).isEqualTo("false");
        assertThat(retried.status()).isEqualTo(HttpStatus.CREATED);
        assertThat(retried.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.body()).isEqualTo(first.body());
        assertThat(reused.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(reused.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(http.get("/api/subscriptions/" + first.get("id"), bearer(first.body()))
                        .status())
                .isEqualTo(HttpStatus.OK);
        var ledger = Kafka.records(Topics.SUBSCRIPTION_REQUESTS.name(), key, new ByteArrayDeserializer());
        assertThat(ledger).hasSize(1);
        String stored = new String(ledger.get(0).value(), StandardCharsets.ISO_8859_1);
        assertThat(stored)
                .contains((String) first.get("id"))
                .doesNotContain((String) first.get("secret"))
                .doesNotContain((String) first.get("managementToken"));
    }

    @Test
    void aTargetNameThatLaterResolvesInsideIsRefusedWhenDeliveringAndDeadLettered() throws Exception {
        String category = unique("Hukum");
        String path = "/" + unique("rebinding");
        String host = unique("hooks") + ".kabar.test";
        dns.put(host, InetAddress.getByName("127.0.0.1"));
        URI local = URI.create(receiver.url(path));
        String id = (String) subscribe("http://" + host + ":" + local.getPort() + path, List.of(category), List.of())
                .get("id");
        dns.put(host, InetAddress.getByName("169.254.169.254"));

        Kafka.publish(
                brokers, Kafka.event(UUID.randomUUID().toString(), 1, ArticleEventType.PUBLISHED, category, true));

        String dlt = Topics.ALERT_DELIVERIES.deadLetter().name();
        await().atMost(WAIT)
                .until(() ->
                        !Kafka.records(dlt, id, new ByteArrayDeserializer()).isEmpty());
        var dead = Kafka.records(dlt, id, new ByteArrayDeserializer()).get(0);
        assertThat(new String(
                        dead.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                .contains("target refused when connecting")
                .contains("169.254.169.254 is link-local")
                .contains("not retried");
        assertThat(receiver.received(path)).isEmpty();
    }

    @Test
    void refusesInvalidSubscriptionsNamingTheFields() {
        Http.Answer invalid = http.post("/api/subscriptions", Map.of("channel", "sms", "url", ""));
        Http.Answer privateTarget =
                http.post("/api/subscriptions", Map.of("channel", "webhook", "url", "http://192.168.1.20/hook"));
        Http.Answer ftp = http.post("/api/subscriptions", Map.of("channel", "webhook", "url", "ftp://kabar.example/x"));

        assertThat(invalid.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(fields(invalid)).contains("channel", "url");
        assertThat(privateTarget.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(privateTarget)).containsExactly("url");
        assertThat(fields(ftp)).containsExactly("url");
    }

    private static Consumer<HttpHeaders> bearer(Map<String, Object> created) {
        return h -> h.setBearerAuth((String) created.get("managementToken"));
    }

    private Map<String, Object> subscribe(String url, List<String> categories, List<String> tags) {
        Http.Answer created = http.post(
                "/api/subscriptions", Map.of("channel", "webhook", "url", url, "categories", categories, "tags", tags));
        assertThat(created.status()).isEqualTo(HttpStatus.CREATED);
        return created.body();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> fields(Http.Answer answer) {
        return ((List<Map<String, Object>>) answer.get("errors"))
                .stream().map(e -> e.get("field")).toList();
    }

    private List<BreakingAlert> alertsOf(String article) {
        return Kafka.records(Topics.BREAKING_ALERTS.name(), article, new AvroDeserializer<>(BreakingAlert.class))
                .stream()
                .map(r -> r.value())
                .toList();
    }

    private long alertedRevision(String article) {
        return Kafka.records(Topics.ALERTED_ARTICLES.name(), article, new AvroDeserializer<>(AlertedArticle.class))
                .stream()
                .mapToLong(r -> r.value().getRevision())
                .max()
                .orElse(0);
    }

    static String expectedSignature(String secret, Receiver.Request request) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        mac.update((request.id() + "." + request.timestamp() + ".").getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(request.body()));
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
