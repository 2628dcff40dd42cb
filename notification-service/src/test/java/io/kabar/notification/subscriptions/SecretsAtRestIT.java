package io.kabar.notification.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kabar.schemas.SubscriptionChannel;
import io.kabar.schemas.topics.Topics;
import io.kabar.testing.Http;
import io.kabar.testing.TestBroker;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Webhook signing secrets never reach {@code news.subscriptions} in clear, and a key rotation moves every live
 * subscription (those from before encryption included) onto the current key, after which the old key can go.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "kabar.notifications.secrets.keys=" + SecretsAtRestIT.OLD_KEY + "," + SecretsAtRestIT.NEW_KEY,
            "kabar.notifications.secrets.current-key=new"
        })
@ActiveProfiles("it")
@DirtiesContext
class SecretsAtRestIT {

    static final String OLD_KEY = "old:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final String NEW_KEY = "new:ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";
    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    SubscriptionView view;

    @Test
    void theRawTopicHoldsNoSecretOfASubscriptionMadeThroughTheApi() {
        Http.Answer created = new Http(port)
                .post(
                        "/api/subscriptions",
                        Map.of("channel", "webhook", "url", "http://127.0.0.1:9/hook", "categories", List.of("X")));
        assertThat(created.status()).isEqualTo(HttpStatus.CREATED);
        String secret = (String) created.get("secret");
        String id = (String) created.get("id");

        // Read committed: the record shows once the broker has written its commit marker, a moment after the 201.
        List<byte[]> raw = await().atMost(WAIT)
                .until(
                        () -> TestBroker.readAll(Topics.SUBSCRIPTIONS.name(), new ByteArrayDeserializer()).stream()
                                .filter(r -> id.equals(r.key()))
                                .map(ConsumerRecord::value)
                                .toList(),
                        found -> !found.isEmpty());

        String base64 = secret.substring("whsec_".length());
        assertThat(raw)
                .allSatisfy(bytes -> assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
                        .doesNotContain(base64)
                        .doesNotContain(new String(Base64.getDecoder().decode(base64), StandardCharsets.ISO_8859_1)));
        assertThat(view.find(id).orElseThrow().secret()).isEqualTo(secret);
    }

    @Test
    void rotationReencryptsClearAndOldKeySubscriptionsUnderTheCurrentKey() {
        String clear = "s-clear-" + UUID.randomUUID();
        String underOld = "s-old-" + UUID.randomUUID();
        SecretCipher oldOnly = new SecretCipher(Map.of("old", key(OLD_KEY)), "old");
        TestBroker.publish(
                Topics.SUBSCRIPTIONS,
                io.kabar.schemas.Subscription::getId,
                subscription(clear, "whsec_clear").build(),
                subscription(underOld, "")
                        .setEncryptedSecret(ByteBuffer.wrap(oldOnly.encrypt("old", underOld, "whsec_old")))
                        .setSecretKeyId("old")
                        .build());
        await().atMost(WAIT)
                .until(() -> view.find(clear).isPresent() && view.find(underOld).isPresent());
        assertThat(view.find(underOld).orElseThrow().secret()).isEqualTo("whsec_old");

        Http management = new Http(managementPort);
        assertThat(management.post("/actuator/secretkeys", Map.of()).get("reencrypted"))
                .asString()
                .isNotEqualTo("0");

        await().atMost(WAIT).untilAsserted(() -> {
            Map<String, io.kabar.schemas.Subscription> latest = TestBroker.latest(Topics.SUBSCRIPTIONS);
            SecretCipher newOnly = new SecretCipher(Map.of("new", key(NEW_KEY)), "new");
            for (String id : List.of(clear, underOld)) {
                io.kabar.schemas.Subscription record = latest.get(id);
                assertThat(record.getSecretKeyId()).isEqualTo("new");
                assertThat(record.getSecret()).isEmpty();
                byte[] encrypted = new byte[record.getEncryptedSecret().remaining()];
                record.getEncryptedSecret().duplicate().get(encrypted);
                assertThat(newOnly.decrypt("new", id, encrypted))
                        .isEqualTo(view.find(id).orElseThrow().secret());
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> byKey =
                    (Map<String, Object>) management.get("/actuator/secretkeys").get("subscriptionsByKey");
            assertThat(byKey).containsEntry("old", 0).doesNotContainKey("clear");
        });
        assertThat(view.find(clear).orElseThrow().secret()).isEqualTo("whsec_clear");
    }

    private static io.kabar.schemas.Subscription.Builder subscription(String id, String secret) {
        return io.kabar.schemas.Subscription.newBuilder()
                .setId(id)
                .setChannel(SubscriptionChannel.WEBHOOK)
                .setTarget("http://127.0.0.1:9/" + id)
                .setSecret(secret)
                .setCategories(List.of("Y"))
                .setCreatedAt(Instant.now());
    }

    private static SecretKeySpec key(String entry) {
        return new SecretKeySpec(Base64.getDecoder().decode(entry.substring(entry.indexOf(':') + 1)), "AES");
    }
}
