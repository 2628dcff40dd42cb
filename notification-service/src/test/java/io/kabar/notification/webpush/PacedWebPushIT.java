package io.kabar.notification.webpush;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kabar.notification.Instance;
import io.kabar.notification.Kafka;
import io.kabar.notification.PacedInstances;
import io.kabar.notification.Receiver;
import io.kabar.schemas.AlertType;
import io.kabar.schemas.ArticleEventType;
import io.kabar.testing.Http;
import io.kabar.testing.TestBroker;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Quiet hours and a daily cap pace a web push subscription as they pace a webhook, on the real broker with the pacing
 * clock set to chosen local times: the alert in quiet hours or over the cap is held, one withdrawn meanwhile leaves the
 * digest without a word, and the digest reaches the browser's push service encrypted for it (decrypted here with the
 * browser's private key), carrying the same alerts as a webhook twin's digest.
 */
class PacedWebPushIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aPacedBrowserGetsWhatItsQuietHoursAndCapHeldAsOneEncryptedDigestLikeAWebhookDoes() {
        String brokers = TestBroker.brokers();
        String category = WebPushIT.unique("Paced");
        LocalDate day = LocalDate.now(PacedInstances.JAYAPURA);
        PacedInstances.setJayapura(day, "21:59");
        String night = "/push/night-" + UUID.randomUUID();
        String capped = "/push/capped-" + UUID.randomUUID();
        String hookNight = "/hook/night";
        WebPushIT.Browser nightBrowser = WebPushIT.Browser.create();
        WebPushIT.Browser cappedBrowser = WebPushIT.Browser.create();
        String first = UUID.randomUUID().toString();
        String held = UUID.randomUUID().toString();
        String withdrawn = UUID.randomUUID().toString();
        try (PushService pushService = new PushService();
                Receiver receiver = new Receiver();
                Instance instance = PacedInstances.start(brokers)) {
            Http http = instance.http();
            Map<String, Object> quiet = Map.of("from", "22:00", "to", "06:00", "zone", "Asia/Jayapura");
            Map<String, Object> nightPush =
                    new HashMap<>(nightBrowser.subscription(pushService.endpoint(night), category));
            nightPush.put("quietHours", quiet);
            // No quiet hours: the cap counts per UTC day, so the held alert goes at the next UTC midnight (09:00 WIT).
            Map<String, Object> cappedPush =
                    new HashMap<>(cappedBrowser.subscription(pushService.endpoint(capped), category));
            cappedPush.put("maxPerDay", 1);
            String nightId = subscribe(http, nightPush);
            String cappedId = subscribe(http, cappedPush);
            String hookId = subscribe(
                    http,
                    Map.of(
                            "channel",
                            "webhook",
                            "url",
                            receiver.url(hookNight),
                            "categories",
                            List.of(category),
                            "quietHours",
                            quiet));

            Kafka.publish(brokers, Kafka.event(first, 1, ArticleEventType.PUBLISHED, category, true));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> !pushService.received(night).isEmpty()
                            && !pushService.received(capped).isEmpty()
                            && !receiver.received(hookNight).isEmpty());

            PacedInstances.setJayapura(day, "22:00");
            Kafka.publish(
                    brokers,
                    Kafka.event(held, 1, ArticleEventType.PUBLISHED, category, true),
                    Kafka.event(withdrawn, 1, ArticleEventType.PUBLISHED, category, true));
            for (String id : List.of(nightId, cappedId, hookId)) {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> PacedInstances.heldArticles(id, a -> a.getType() == AlertType.CREATED)
                                .containsAll(List.of(held, withdrawn)));
            }
            Kafka.publish(brokers, Kafka.event(withdrawn, 2, ArticleEventType.UNPUBLISHED, category, true));
            for (String id : List.of(nightId, cappedId, hookId)) {
                // The retraction folded: the withdrawn alert stays in the state as withdrawn, out of the digest.
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> PacedInstances.heldArticles(id, a -> a.getType() == AlertType.RETRACTED)
                                .equals(List.of(withdrawn)));
            }

            PacedInstances.setJayapura(day.plusDays(1), "06:00");
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> pushService.received(night).size() >= 2
                            && receiver.received(hookNight).size() >= 2);
            PacedInstances.setJayapura(day.plusDays(1), "09:00");
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> pushService.received(capped).size() >= 2);

            List<Map<String, Object>> hookMessages = receiver.received(hookNight).stream()
                    .map(r -> JSON.readValue(r.body(), MAP))
                    .distinct()
                    .toList();
            assertThat(hookMessages).extracting(m -> m.get("type")).containsExactly("alert.created", "alert.digest");
            for (var browser :
                    Map.of(night, nightBrowser, capped, cappedBrowser).entrySet()) {
                List<PushService.Message> messages = pushService.received(browser.getKey());
                // At least once: a redelivered message decrypts to the same JSON; no other message is sent.
                List<Map<String, Object>> decrypted = messages.stream()
                        .map(m -> JSON.readValue(browser.getValue().decrypt(m.body()), MAP))
                        .distinct()
                        .toList();
                assertThat(decrypted).extracting(m -> m.get("type")).containsExactly("alert.created", "alert.digest");
                assertThat(decrypted.getFirst()).containsEntry("articleId", first);
                Map<String, Object> digest = decrypted.getLast();
                assertThat(digest).isEqualTo(hookMessages.getLast());
                assertThat((List<Map<String, Object>>) digest.get("alerts"))
                        .extracting(a -> a.get("articleId"))
                        .containsExactly(held);
                PushService.Message pushed = messages.getLast();
                assertThat(pushed.headers().getFirst("Content-Encoding")).isEqualTo("aes128gcm");
                assertThat(pushed.headers().getFirst("Authorization")).startsWith("vapid t=");
                // A digest's Topic is its own: it neither replaces nor is replaced by a message about one article.
                assertThat(pushed.headers().getFirst("Topic"))
                        .isNotEqualTo(messages.getFirst().headers().getFirst("Topic"));
            }
        }
    }

    private static final tools.jackson.core.type.TypeReference<Map<String, Object>> MAP =
            new tools.jackson.core.type.TypeReference<>() {};

    private static String subscribe(Http http, Map<String, Object> body) {
        return (String) PacedInstances.subscribe(http, body).get("id");
    }
}
