package io.kabar.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kabar.schemas.topics.Topics;
import io.kabar.testing.Http;
import io.kabar.testing.TestArticles;
import io.kabar.testing.TestBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * Two notification-service instances share a fan-out; one is killed in the middle of it and started again. Every
 * subscriber still gets the alert, always under one webhook-id, and the alert exists once.
 */
class NotificationFailoverIT {

    private static final int SUBSCRIBERS = 300;
    private static final String[] FAST_FAILOVER = {
        "--kabar.notifications.allow-loopback=true",
        "--kabar.notifications.webhooks.max-per-host=6",
        // Every subscriber here comes from 127.0.0.1; the per-client subscribe limit is for the public.
        "--kabar.limits.rates.subscriptions.requests=" + SUBSCRIBERS,
        "--spring.kafka.consumer.properties.session.timeout.ms=6000",
        "--spring.kafka.consumer.properties.heartbeat.interval.ms=1000"
    };

    @Test
    void everySubscriberGetsTheAlertOnceCreatedWhenAnInstanceIsKilledDuringTheFanOut() throws Exception {
        String brokers = TestBroker.brokers();
        String category = "Gempa-" + UUID.randomUUID();
        List<ServiceProcess> running = new ArrayList<>();
        try (WebhookReceiver receiver = new WebhookReceiver(150)) {
            ServiceProcess first = ServiceProcess.start("notification-service", brokers, FAST_FAILOVER);
            ServiceProcess second = ServiceProcess.start("notification-service", brokers, FAST_FAILOVER);
            running.addAll(List.of(first, second));
            first.awaitReady(Duration.ofSeconds(120));
            second.awaitReady(Duration.ofSeconds(120));
            List<Map<String, Object>> subscriptions = subscribe(new Http(first.port()), receiver, category);
            Http other = new Http(second.port());
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> subscriptions.stream()
                            .allMatch(created -> other.get(
                                            "/api/subscriptions/" + created.get("id"),
                                            h -> h.setBearerAuth((String) created.get("managementToken")))
                                    .status()
                                    .is2xxSuccessful()));

            String articleId = UUID.randomUUID().toString();
            TestBroker.publish(
                    Topics.ARTICLES,
                    e -> e.getArticle().getId(),
                    TestArticles.event(articleId, 1, "Gempa magnitudo 6,1 guncang Cianjur", category, true));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> receiver.received().size() >= SUBSCRIBERS / 10);
            first.kill();
            assertThat(receiver.received().size())
                    .as("killed during the fan-out")
                    .isLessThan(SUBSCRIBERS);
            ServiceProcess restarted = ServiceProcess.start("notification-service", brokers, FAST_FAILOVER);
            running.add(restarted);
            restarted.awaitReady(Duration.ofSeconds(120));

            await().atMost(Duration.ofSeconds(120)).until(() -> paths(receiver).size() == SUBSCRIBERS);
            Map<String, Set<String>> webhookIds = receiver.received().stream()
                    .collect(Collectors.groupingBy(
                            WebhookReceiver.Received::path,
                            Collectors.mapping(WebhookReceiver.Received::webhookId, Collectors.toSet())));
            assertThat(webhookIds.values())
                    .allSatisfy(idsOfOne -> assertThat(idsOfOne).hasSize(1));
            assertThat(TestBroker.valuesOf(Topics.BREAKING_ALERTS, articleId)).hasSize(1);
            assertThat(TestBroker.readAll(Topics.ALERT_DELIVERIES).stream()
                            .filter(r -> r.value().getAlert().getArticleId().equals(articleId)))
                    .hasSize(SUBSCRIBERS);
        } finally {
            for (ServiceProcess service : running) {
                service.close();
            }
        }
    }

    private static List<Map<String, Object>> subscribe(Http api, WebhookReceiver receiver, String category) {
        return IntStream.range(0, SUBSCRIBERS)
                .mapToObj(i -> {
                    Http.Answer created = api.post(
                            "/api/subscriptions",
                            Map.of(
                                    "channel",
                                    "webhook",
                                    "url",
                                    receiver.url("/subscriber-" + i),
                                    "categories",
                                    List.of(category)));
                    assertThat(created.status()).isEqualTo(HttpStatus.CREATED);
                    return created.body();
                })
                .toList();
    }

    private static Set<String> paths(WebhookReceiver receiver) {
        return receiver.received().stream().map(WebhookReceiver.Received::path).collect(Collectors.toSet());
    }
}
