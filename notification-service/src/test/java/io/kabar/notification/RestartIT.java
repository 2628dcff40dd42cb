package io.kabar.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kabar.schemas.ArticleEventType;
import io.kabar.testing.TestBroker;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A starting instance must not act on a half-read subscription log: nothing lost, nothing skipped, nothing twice. */
class RestartIT {

    static final int SUBSCRIBERS = 50_000;

    @Test
    void aRestartedInstanceWithFiftyThousandSubscriptionsAlertsEachExactlyOnceWhenTheArticleArrivesDuringStart() {
        String brokers = TestBroker.brokers();
        String category = "Restart-" + UUID.randomUUID().toString().substring(0, 8);
        try (Receiver receiver = new Receiver(0, 32)) {
            List<String> paths = IntStream.range(0, SUBSCRIBERS)
                    .mapToObj(i -> "/restart/" + i)
                    .toList();
            // The instance that runs before the restart (it creates the topics); the subscriptions arrive while it
            // runs.
            try (Instance before = Instance.start(brokers)) {
                Kafka.subscriptions(brokers, paths.stream().map(receiver::url).toList(), category);
            }

            CompletableFuture<Instance> starting = CompletableFuture.supplyAsync(
                    () -> Instance.start(brokers, "kabar.notifications.webhooks.max-per-host=64"));
            Kafka.publish(
                    brokers, Kafka.event(UUID.randomUUID().toString(), 1, ArticleEventType.PUBLISHED, category, true));

            try (Instance instance = starting.join()) {
                await().atMost(Duration.ofSeconds(90))
                        .until(() -> paths.stream()
                                .noneMatch(path -> receiver.received(path).isEmpty()));
                // Exactly once as receivers see it: one webhook-id per subscriber, a different one for each (a
                // request abandoned at a batch deadline may arrive again under the same id; receivers dedupe on it).
                assertThat(paths)
                        .allSatisfy(path -> assertThat(receiver.received(path))
                                .extracting(Receiver.Request::id)
                                .containsOnly(receiver.received(path).get(0).id()));
                Set<String> webhookIds = paths.stream()
                        .map(path -> receiver.received(path).get(0).id())
                        .collect(Collectors.toSet());
                assertThat(webhookIds).hasSize(SUBSCRIBERS);
            }
        }
    }
}
