package io.kabar.notification.webpush;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kabar.notification.Kafka;
import io.kabar.schemas.ArticleEventType;
import io.kabar.schemas.topics.Topics;
import io.kabar.testing.Http;
import io.kabar.testing.TestBroker;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@ActiveProfiles("it")
@DirtiesContext
class WebPushIT {

    static final PushService pushService = new PushService();
    static final Duration WAIT = Duration.ofSeconds(30);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @AfterAll
    static void stopPushService() {
        pushService.close();
    }

    /** A browser's push subscription: its P-256 key pair and 16-byte auth secret. */
    record Browser(KeyPair keys, byte[] auth) {
        static Browser create() {
            byte[] auth = new byte[16];
            new SecureRandom().nextBytes(auth);
            return new Browser(PushEncryption.newKeyPair(), auth);
        }

        byte[] p256dh() {
            return P256.encode((ECPublicKey) keys.getPublic());
        }

        /** What {@code PushSubscription.toJSON()} gives, plus Kabar's filters. */
        Map<String, Object> subscription(String endpoint, String category) {
            Map<String, Object> json = new java.util.HashMap<>(Map.of(
                    "channel", "webpush",
                    "endpoint", endpoint,
                    "keys", Map.of("p256dh", P256.base64Url(p256dh()), "auth", P256.base64Url(auth)),
                    "categories", List.of(category),
                    "tags", List.of()));
            json.put("expirationTime", null);
            return json;
        }

        byte[] decrypt(byte[] message) {
            return PushDecryption.decrypt(message, (ECPrivateKey) keys.getPrivate(), p256dh(), auth);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBrowserReceivesTheBreakingAlertEncryptedForItAndSignedWithTheVapidKeyTheServicePublishes() throws Exception {
        String vapidKey = (String) http.get("/api/push/vapid-public-key").get("publicKey");
        String category = unique("Nasional");
        String path = "/push/" + UUID.randomUUID();
        Browser browser = Browser.create();

        Http.Answer created =
                http.post("/api/subscriptions", browser.subscription(pushService.endpoint(path), category));
        assertThat(created.status()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.body())
                .containsEntry("channel", "webpush")
                .containsEntry("endpoint", pushService.endpoint(path))
                .containsKeys("id", "managementToken")
                .doesNotContainKeys("secret", "url", "keys");

        String articleId = UUID.randomUUID().toString();
        Kafka.publish(TestBroker.brokers(), Kafka.event(articleId, 1, ArticleEventType.PUBLISHED, category, true));
        await().atMost(WAIT).until(() -> pushService.received(path).size() == 1);

        PushService.Message message = pushService.received(path).getFirst();
        Map<String, Object> alert = JSON.readValue(browser.decrypt(message.body()), Map.class);
        assertThat(alert).containsEntry("articleId", articleId).containsKeys("alertId", "title", "url");
        assertThat(message.headers().getFirst("Content-Encoding")).isEqualTo("aes128gcm");
        assertThat(message.headers().getFirst("Content-Type")).startsWith("application/octet-stream");
        assertThat(message.headers().getFirst("Urgency")).isEqualTo("high");
        assertThat(message.headers().getFirst("TTL")).isEqualTo("21600");
        assertThat(message.headers().getFirst("Topic")).matches("[A-Za-z0-9_-]{1,32}");

        String authorization = message.headers().getFirst("Authorization");
        assertThat(authorization).matches("vapid t=[^,]+, k=.+").endsWith(", k=" + vapidKey);
        String jwt = authorization.substring("vapid t=".length(), authorization.indexOf(','));
        String[] parts = jwt.split("\\.");
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(P256.publicKey(P256.fromBase64Url(vapidKey)));
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(P256.fromBase64Url(parts[2]))).isTrue();
        assertThat(JSON.readValue(P256.fromBase64Url(parts[0]), Map.class)).containsEntry("alg", "ES256");
        Map<String, Object> claims = JSON.readValue(P256.fromBase64Url(parts[1]), Map.class);
        assertThat(claims).containsEntry("aud", pushService.origin()).containsEntry("sub", "mailto:it@kabar.example");
        long exp = ((Number) claims.get("exp")).longValue();
        assertThat(Instant.ofEpochSecond(exp))
                .isAfter(Instant.now())
                .isBefore(Instant.now().plus(Duration.ofHours(24)));

        Consumer<HttpHeaders> owner = h -> h.setBearerAuth((String) created.get("managementToken"));
        assertThat(http.get("/api/subscriptions/" + created.get("id"), owner).body())
                .containsEntry("channel", "webpush")
                .containsEntry("active", true);
    }

    @Test
    void aPushServiceAnsweringGoneOrNotFoundDeactivatesTheSubscription() {
        String category = unique("Ekonomi");
        Map<String, String> ids = new java.util.HashMap<>();
        for (int status : new int[] {410, 404}) {
            String path = "/push/" + status + "/" + UUID.randomUUID();
            pushService.answer(path, status);
            Http.Answer created = http.post(
                    "/api/subscriptions", Browser.create().subscription(pushService.endpoint(path), category));
            ids.put(String.valueOf(status), (String) created.get("id"));
            ids.put(status + "-token", (String) created.get("managementToken"));
        }

        Kafka.publish(
                TestBroker.brokers(),
                Kafka.event(UUID.randomUUID().toString(), 1, ArticleEventType.PUBLISHED, category, true));

        for (String status : List.of("410", "404")) {
            Consumer<HttpHeaders> owner = h -> h.setBearerAuth(ids.get(status + "-token"));
            await().atMost(WAIT)
                    .until(() -> Boolean.FALSE.equals(http.get("/api/subscriptions/" + ids.get(status), owner)
                            .get("active")));
            assertThat((String) http.get("/api/subscriptions/" + ids.get(status), owner)
                            .get("deactivationReason"))
                    .startsWith("the push service answered " + status);
        }
    }

    @Test
    void aPushServiceRefusingTheMessageAsTooLargeDeadLettersItWithTheReasonAtOnce() {
        String category = unique("Olahraga");
        String path = "/push/413/" + UUID.randomUUID();
        pushService.answer(path, 413);
        Http.Answer created =
                http.post("/api/subscriptions", Browser.create().subscription(pushService.endpoint(path), category));
        assertThat(created.status()).isEqualTo(HttpStatus.CREATED);
        String id = (String) created.get("id");

        Kafka.publish(
                TestBroker.brokers(),
                Kafka.event(UUID.randomUUID().toString(), 1, ArticleEventType.PUBLISHED, category, true));

        String dlt = Topics.ALERT_DELIVERIES.deadLetter().name();
        await().atMost(WAIT)
                .until(() ->
                        !Kafka.records(dlt, id, new ByteArrayDeserializer()).isEmpty());
        var dead = Kafka.records(dlt, id, new ByteArrayDeserializer()).getFirst();
        assertThat(new String(
                        dead.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                .contains("HTTP 413")
                .contains("too large")
                .contains("not retried");
        assertThat(new String(
                        dead.headers().lastHeader("kabar_delivery-attempts").value(), StandardCharsets.UTF_8))
                .isEqualTo("1");
        assertThat(meters.get("kabar.notifications.deliveries")
                        .tag("channel", "webpush")
                        .tag("outcome", "dead-lettered")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(1);
        // Too large is the message's fault, not the subscription's: it stays active.
        Consumer<HttpHeaders> owner = h -> h.setBearerAuth((String) created.get("managementToken"));
        assertThat(http.get("/api/subscriptions/" + id, owner).get("active")).isEqualTo(true);
    }

    @Test
    void refusesPushSubscriptionsNamingTheFieldAndKeepsTheKeysOutOfTheLogInClear() {
        Browser browser = Browser.create();
        String endpoint = pushService.endpoint("/push/" + UUID.randomUUID());
        Map<String, Object> good = browser.subscription(endpoint, unique("Olahraga"));

        byte[] offCurve = browser.p256dh();
        offCurve[64] ^= 1;
        assertThat(invalidField(with(
                        good, "keys", Map.of("p256dh", P256.base64Url(offCurve), "auth", "AAAAAAAAAAAAAAAAAAAAAA"))))
                .isEqualTo("keys.p256dh");
        assertThat(invalidField(with(good, "keys", Map.of("p256dh", P256.base64Url(browser.p256dh()), "auth", "AAAA"))))
                .isEqualTo("keys.auth");
        assertThat(invalidField(with(good, "keys", Map.of("auth", P256.base64Url(browser.auth())))))
                .isEqualTo("keys");
        assertThat(invalidField(with(good, "endpoint", "https://10.1.2.3/push/x")))
                .isEqualTo("endpoint");
        assertThat(invalidField(with(good, "url", endpoint))).isEqualTo("url");

        Http.Answer created = http.post("/api/subscriptions", good);
        assertThat(created.status()).isEqualTo(HttpStatus.CREATED);
        String auth = P256.base64Url(browser.auth());
        await().atMost(WAIT)
                .until(() -> TestBroker.readAll(Topics.SUBSCRIPTIONS.name(), new ByteArrayDeserializer()).stream()
                        .anyMatch(r -> new String(r.value(), StandardCharsets.ISO_8859_1).contains(endpoint)));
        assertThat(TestBroker.readAll(Topics.SUBSCRIPTIONS.name(), new ByteArrayDeserializer()))
                .noneMatch(r -> r.value() != null && new String(r.value(), StandardCharsets.ISO_8859_1).contains(auth));
    }

    private String invalidField(Map<String, Object> body) {
        Http.Answer answer = http.post("/api/subscriptions", body);
        assertThat(answer.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        return answer.invalidFields().getFirst();
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new java.util.HashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
