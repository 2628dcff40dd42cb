package io.kabar.notification.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kabar.notification.Instance;
import io.kabar.notification.Kafka;
import io.kabar.notification.Receiver;
import io.kabar.notification.subscriptions.SubscriptionView;
import io.kabar.schemas.AlertDelivery;
import io.kabar.schemas.AlertFanOut;
import io.kabar.schemas.ArticleEventType;
import io.kabar.schemas.serde.AvroDeserializer;
import io.kabar.schemas.topics.Topics;
import io.kabar.testing.TestBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * An alert to more subscribers than one chunk is written chunk by chunk, and neither a failure in the middle of a
 * chunk nor an instance stopping between chunks loses or repeats one.
 */
class FanOutIT {

    static final int SUBSCRIBERS = 1_000;
    /** Chunks of 2, 5, 10, then 20 in each of the six slices of about 167 subscribers: about 11 chunks a slice. */
    static final int CHUNK = 20;

    static final Duration WAIT = Duration.ofSeconds(90);

    static volatile String alertId;
    static final AtomicBoolean failedInChunk4 = new AtomicBoolean();
    static final CountDownLatch inChunk7 = new CountDownLatch(1);
    static final CountDownLatch stopping = new CountDownLatch(1);

    /**
     * The first instance fails once in the middle of chunk 4 and goes away in the middle of chunk 7. Not a
     * {@code @Configuration}, which the application's component scan would add to every test's context: a source of
     * the first instance only.
     */
    static class Crashes {
        @Bean
        FanOutWriter.Checkpoint crashingCheckpoint() {
            return (alert, chunk) -> {
                if (!alert.equals(alertId)) {
                    return;
                }
                if (chunk == 4 && failedInChunk4.compareAndSet(false, true)) {
                    throw new IllegalStateException("simulated crash after sending part of chunk 4");
                }
                if (chunk >= 7) {
                    inChunk7.countDown();
                    try {
                        stopping.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new IllegalStateException("simulated crash: the instance stops in the middle of chunk 7");
                }
            };
        }
    }

    @Test
    void aLargeAlertIsWrittenInChunksAndAFailureOrAStopBetweenThemNeitherLosesNorRepeatsOne() throws Exception {
        String brokers = TestBroker.brokers();
        String category = "FanOut-" + UUID.randomUUID().toString().substring(0, 8);
        String article = UUID.randomUUID().toString();
        alertId = UUID.nameUUIDFromBytes(("breaking|" + article + "|1").getBytes(StandardCharsets.UTF_8))
                .toString();
        String chunkSize = "kabar.notifications.fan-out-chunk=" + CHUNK;
        try (Receiver receiver = new Receiver(0, 16)) {
            List<String> paths = IntStream.range(0, SUBSCRIBERS)
                    .mapToObj(i -> "/fanout/" + i)
                    .toList();
            Instance first = Instance.startWith(List.of(Crashes.class), brokers, chunkSize);
            List<String> ids = Kafka.subscriptions(
                    brokers, paths.stream().map(receiver::url).toList(), category);
            SubscriptionView view = first.bean(SubscriptionView.class);
            await().atMost(WAIT)
                    .until(() -> ids.stream().allMatch(id -> view.find(id).isPresent()));
            MessageListenerContainer chunks =
                    first.bean(KafkaListenerEndpointRegistry.class).getListenerContainer("notification-fanout");

            Kafka.publish(brokers, Kafka.event(article, 1, ArticleEventType.PUBLISHED, category, true));

            assertThat(inChunk7.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> stopped = CompletableFuture.runAsync(first::close);
            await().atMost(WAIT).until(() -> !chunks.isRunning());
            stopping.countDown();
            stopped.get(WAIT.toSeconds(), TimeUnit.SECONDS);

            try (Instance second = Instance.start(brokers, chunkSize)) {
                await().atMost(WAIT).until(() -> deliveries().size() >= SUBSCRIBERS);
                assertThat(deliveries()).hasSize(SUBSCRIBERS);
                assertThat(Set.copyOf(deliveries())).isEqualTo(Set.copyOf(ids));
                // Each later chunk was asked for exactly once (committed), the failed attempt of chunk 4 included,
                // and so was the first chunk of every slice but the first (written with the alert).
                assertThat(progress())
                        .doesNotHaveDuplicates()
                        .containsAll(FanOutPlan.STARTS.subList(1, FanOutPlan.SLICES));
                assertThat(failedInChunk4).isTrue();

                // What receivers then get is the webhook workers' business (NotificationIT, RestartIT): here the
                // deliveries as written are the measure, since a starved machine may dead-letter a slow receiver's.

                String metrics = second.management().text("/actuator/prometheus");
                assertThat(metrics)
                        .containsPattern("kabar_notifications_fanout_duration_seconds_count\\{[^}]*\\} [1-6]\\n")
                        .contains("kabar_notifications_fanout_chunks_total")
                        .contains("kabar_notifications_webhooks_queued{")
                        .contains("kabar_notifications_webhooks_queued_longest{")
                        .containsPattern("kabar_notifications_webhooks_circuits\\{[^}]*state=\"open\"")
                        .contains("kabar_notifications_streams_open{")
                        .contains("kabar_notifications_streams_dropped_total{");
            }
        }
    }

    /** Subscription ids of this alert's committed deliveries, one per record. */
    private static List<String> deliveries() {
        return TestBroker.readAll(Topics.ALERT_DELIVERIES.name(), new AvroDeserializer<>(AlertDelivery.class)).stream()
                .filter(r -> r.value().getAlert().getAlertId().equals(alertId))
                .map(r -> r.value().getSubscriptionId())
                .toList();
    }

    /** Where each of this alert's committed progress records asks the next chunk to start. */
    private static List<String> progress() {
        return TestBroker.readAll(Topics.ALERT_FANOUTS.name(), new AvroDeserializer<>(AlertFanOut.class)).stream()
                .filter(r -> r.key().equals(alertId))
                .map(r -> r.value().getAfter())
                .toList();
    }
}
