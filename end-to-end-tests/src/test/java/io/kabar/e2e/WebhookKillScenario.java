package io.kabar.e2e;

import static org.awaitility.Awaitility.await;

import io.kabar.schemas.topics.Topics;
import io.kabar.testing.Http;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * (b) SIGKILLs notification-service in the middle of a webhook fan-out of three breaking stories, starts it again and
 * counts per subscriber and story the deliveries that never came, those that came again (at least once: same
 * webhook-id) and the alerts created twice (exactly once: a second webhook-id for one subscriber and story).
 */
final class WebhookKillScenario {

    static final int SUBSCRIBERS = 60;
    static final int STORIES = 3;

    /**
     * What the kill measured; {@code redelivered} counts requests beyond the first of a webhook-id, {@code
     * doubleAlerts} the subscriber-story pairs with more than one webhook-id and {@code alertRecords} the records on
     * news.breaking-alerts for the stories (one each).
     */
    record Outcome(
            int expected,
            int atKill,
            long lost,
            long redelivered,
            long doubleAlerts,
            int alertRecords,
            Duration ready,
            Duration complete) {}

    /** One delivery request as the receiver saw it. */
    private record Delivery(String subscriber, String story, String webhookId) {}

    private WebhookKillScenario() {}

    static Outcome run(FaultStack stack) throws Exception {
        String category = "Siaga-" + UUID.randomUUID().toString().substring(0, 8);
        try (WebhookReceiver receiver = new WebhookReceiver(100)) {
            Http notifications = stack.http(FaultStack.NOTIFICATIONS);
            List<Map<String, Object>> subscriptions = new ArrayList<>();
            for (int i = 0; i < SUBSCRIBERS; i++) {
                Http.Answer created = notifications.post(
                        "/api/subscriptions",
                        Map.of(
                                "channel", "webhook",
                                "url", receiver.url("/pelanggan-" + i),
                                "categories", List.of(category)));
                if (created.status().value() != 201) {
                    throw new AssertionError("subscribing answered " + created.status() + " " + created.body());
                }
                subscriptions.add(created.body());
            }
            await("every subscription visible")
                    .atMost(Settle.GENEROUS)
                    .until(() -> subscriptions.stream()
                            .allMatch(s -> notifications
                                    .get(
                                            "/api/subscriptions/" + s.get("id"),
                                            h -> h.setBearerAuth((String) s.get("managementToken")))
                                    .status()
                                    .is2xxSuccessful()));

            List<String> stories = new ArrayList<>();
            for (int i = 0; i < STORIES; i++) {
                stories.add(stack.publish("Gempa magnitudo 6," + i + " guncang " + category, category, true));
            }
            int expected = SUBSCRIBERS * STORIES;
            await("a tenth of the fan-out delivered")
                    .atMost(Settle.GENEROUS)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> receiver.received().size() >= expected / 10);
            Instant killed = Instant.now();
            stack.kill(FaultStack.NOTIFICATIONS);
            int atKill = pairs(deliveries(receiver, stories)).size();

            stack.restart(FaultStack.NOTIFICATIONS);
            Instant ready = Instant.now();
            Instant complete = Settle.until(
                    "every subscriber alerted of every story",
                    () -> pairs(deliveries(receiver, stories)).size() == expected);

            List<Delivery> deliveries = deliveries(receiver, stories);
            Map<List<String>, Set<String>> idsByPair = deliveries.stream()
                    .collect(Collectors.groupingBy(
                            d -> List.of(d.subscriber(), d.story()),
                            Collectors.mapping(Delivery::webhookId, Collectors.toSet())));
            long uniqueIds =
                    deliveries.stream().map(Delivery::webhookId).distinct().count();
            int alertRecords = (int) stack.read(Topics.BREAKING_ALERTS).stream()
                    .filter(r -> r.value() != null && stories.contains(r.key()))
                    .count();
            return new Outcome(
                    expected,
                    atKill,
                    expected - idsByPair.size(),
                    deliveries.size() - uniqueIds,
                    idsByPair.values().stream().filter(ids -> ids.size() > 1).count(),
                    alertRecords,
                    Duration.between(killed, ready),
                    complete == null ? null : Duration.between(killed, complete));
        }
    }

    private static Set<List<String>> pairs(List<Delivery> deliveries) {
        return deliveries.stream().map(d -> List.of(d.subscriber(), d.story())).collect(Collectors.toSet());
    }

    /** The received requests about the stories, each with its subscriber (path) and story (the id in its body). */
    private static List<Delivery> deliveries(WebhookReceiver receiver, List<String> stories) {
        List<Delivery> deliveries = new ArrayList<>();
        for (WebhookReceiver.Received received : receiver.received()) {
            stories.stream()
                    .filter(received.body()::contains)
                    .findFirst()
                    .ifPresent(story -> deliveries.add(new Delivery(received.path(), story, received.webhookId())));
        }
        return deliveries;
    }
}
