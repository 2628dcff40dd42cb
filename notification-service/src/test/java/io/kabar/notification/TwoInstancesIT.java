package io.kabar.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kabar.notification.subscriptions.SubscriptionStore;
import io.kabar.notification.subscriptions.SubscriptionView;
import io.kabar.testing.Http;
import io.kabar.testing.TestBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** Every instance sees every other instance's later writes of a subscription it created itself. */
class TwoInstancesIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aSubscriptionCreatedOnOneInstanceAndDeletedOrDeactivatedOnTheOtherStopsOnTheFirst() {
        String brokers = TestBroker.brokers();
        try (Receiver receiver = new Receiver();
                Instance first = Instance.start(brokers);
                Instance second = Instance.start(brokers)) {
            Map<String, Object> deleted = subscribe(first.http(), receiver.url("/two/deleted"));
            Map<String, Object> deactivated = subscribe(first.http(), receiver.url("/two/deactivated"));
            String deletedId = (String) deleted.get("id");
            String deactivatedId = (String) deactivated.get("id");
            // The two subscriptions may sit on different partitions: wait until the second instance mirrors both.
            await().atMost(WAIT)
                    .until(() -> visible(second, deletedId, deleted) && visible(second, deactivatedId, deactivated));

            assertThat(second.http()
                            .delete("/api/subscriptions/" + deletedId, bearer(deleted))
                            .status())
                    .isEqualTo(HttpStatus.NO_CONTENT);
            second.bean(SubscriptionStore.class).deactivate(deactivatedId, "the target answered 410 Gone");

            SubscriptionView firstView = first.bean(SubscriptionView.class);
            await().atMost(WAIT).until(() -> firstView.find(deletedId).isEmpty());
            await().atMost(WAIT)
                    .until(() ->
                            firstView.find(deactivatedId).map(s -> !s.active()).orElse(false));
            assertThat(first.http()
                            .get("/api/subscriptions/" + deletedId, bearer(deleted))
                            .status())
                    .isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(firstView.wasDeleted(deletedId)).isTrue();
        }
    }

    private static boolean visible(Instance instance, String id, Map<String, Object> created) {
        return instance.http()
                .get("/api/subscriptions/" + id, bearer(created))
                .status()
                .is2xxSuccessful();
    }

    private static Map<String, Object> subscribe(Http api, String url) {
        Http.Answer created =
                api.post("/api/subscriptions", Map.of("channel", "webhook", "url", url, "tags", List.of()));
        assertThat(created.status()).isEqualTo(HttpStatus.CREATED);
        return created.body();
    }

    private static Consumer<HttpHeaders> bearer(Map<String, Object> created) {
        return h -> h.setBearerAuth((String) created.get("managementToken"));
    }
}
