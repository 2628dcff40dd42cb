package io.kabar.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final Alert ALERT = new Alert(
            "a1", "art1", 1, "Judul", null, "https://kabar.example/judul", "Nasional", List.of(), NOW, NOW, false);

    @Test
    void eachChangeOfAnAlertHasItsOwnWebhookIdForTheSameSubscriber() {
        Alert update2 = ALERT.updatedTo(2, "Judul baru", null, ALERT.url(), NOW);
        Alert update3 = ALERT.updatedTo(3, "Judul lain", null, ALERT.url(), NOW);
        Alert retraction = ALERT.retracted(4, NOW);

        List<String> ids = List.of(ALERT, update2, update3, retraction).stream()
                .map(a -> Delivery.first(a, "sub-1").deliveryId())
                .toList();

        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.startsWith("msg_"));
        assertThat(Delivery.first(update2, "sub-1").deliveryId())
                .isEqualTo(Delivery.first(ALERT.updatedTo(2, "Judul baru", null, ALERT.url(), NOW), "sub-1")
                        .deliveryId());
        assertThat(Delivery.first(update2, "sub-1").alert().alertId()).isEqualTo("a1");
    }

    @Test
    void theAlertKeepsTheIdItHadBeforeFollowUps() {
        // msg_ + the name-based UUID of "alertId|subscriptionId", as deliveries already on the log were written.
        String before = "msg_"
                + java.util
                        .UUID
                        .nameUUIDFromBytes("a1|sub-1".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .toString()
                        .replace("-", "");

        assertThat(Delivery.first(ALERT, "sub-1").deliveryId()).isEqualTo(before);
    }
}
