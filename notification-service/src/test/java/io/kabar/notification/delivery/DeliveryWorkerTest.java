package io.kabar.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.kabar.notification.alerts.Delivery;
import io.kabar.notification.alerts.DeliveryRecords;
import io.kabar.notification.subscriptions.Subscription;
import io.kabar.schemas.AlertDelivery;
import io.kabar.schemas.topics.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

class DeliveryWorkerTest {

    /** Stays open: the template closes the producer it gets after every send, as it may with a pooled one. */
    final MockProducer<String, Object> producer =
            new MockProducer<>(true, null, new StringSerializer(), (topic, value) -> new byte[0]) {
                @Override
                public void close(Duration timeout) {}
            };

    final List<CompletableFuture<WebhookSender.Response>> calls = new ArrayList<>();
    final Timeouts timeouts = new Timeouts(
            Duration.ofSeconds(1),
            Duration.ofSeconds(3),
            Duration.ofSeconds(3),
            Duration.ofMillis(100),
            new RoundTrips());
    Duration expireAfter = Duration.ofHours(1);

    @Test
    void atTheDeadlineASentDeliveryUsesUpAnAttemptAQueuedOneIsPostponedAndNeitherOpensTheCircuit() {
        // One request in flight per host, and a circuit that would open on the first failure.
        HostLanes lanes = new HostLanes(
                1, 10, 1, Duration.ofSeconds(30), Duration.ofSeconds(1), timeouts, DeliveryDispatcherTest.CLOCK);
        WebhookSender hanging = request -> lanes.submit("hang:443", () -> {
            request.sending().run();
            CompletableFuture<WebhookSender.Response> call = new CompletableFuture<>();
            calls.add(call);
            return call;
        });
        Delivery inFlight = Delivery.first(DeliveryDispatcherTest.ALERT, "s1");
        Delivery queued = Delivery.first(DeliveryDispatcherTest.ALERT, "s2");

        worker(hanging).onDeliveries(List.of(record(inFlight, 0), record(queued, 1)));

        assertThat(calls).hasSize(1);
        assertThat(calls.get(0)).isCancelled();
        assertThat(retried())
                .containsExactlyInAnyOrder(
                        inFlight.retryAt(DeliveryDispatcherTest.CLOCK.instant().plusSeconds(2)),
                        queued.postponedTo(DeliveryDispatcherTest.CLOCK.instant()));
        assertThat(lanes.hostsIn(HostLanes.State.CLOSED)).isEqualTo(1);
    }

    @Test
    void aDeliveryRefusedByAnOpenCircuitIsPostponedToTheEndOfTheOpenPeriodWithoutUsingAnAttempt() {
        Instant openUntil = DeliveryDispatcherTest.CLOCK.instant().plusSeconds(30);
        Delivery second = Delivery.first(DeliveryDispatcherTest.ALERT, "s1").retryAt(null);

        worker(refusedUntil(openUntil)).onRetries(List.of(record(second, 0)));

        assertThat(retried()).containsExactly(second.postponedTo(openUntil));
    }

    @Test
    void aDeliveryStillNotSentWhenItExpiresIsDeadLetteredWithTheReason() {
        // The alert was created at the clock's instant: an expiry of zero has passed.
        expireAfter = Duration.ZERO;
        Delivery second = Delivery.first(DeliveryDispatcherTest.ALERT, "s1").retryAt(null);

        worker(refusedUntil(DeliveryDispatcherTest.CLOCK.instant().plusSeconds(30)))
                .onRetries(List.of(record(second, 0)));

        assertThat(producer.history()).singleElement().satisfies(dead -> {
            assertThat(dead.topic())
                    .isEqualTo(Topics.ALERT_DELIVERIES.deadLetter().name());
            assertThat(new String(
                            dead.headers()
                                    .lastHeader("kafka_dlt-exception-message")
                                    .value(),
                            StandardCharsets.UTF_8))
                    .contains("circuit open for bad:443")
                    .contains("not sent within 0 s of the alert, after 1 failed attempts");
        });
    }

    private static WebhookSender refusedUntil(Instant until) {
        return request -> CompletableFuture.failedFuture(
                new HostLanes.CircuitOpen("circuit open for bad:443 after 5 failures in a row", until));
    }

    private List<Delivery> retried() {
        return producer.history().stream()
                .peek(r -> assertThat(r.topic()).isEqualTo(Topics.ALERT_DELIVERY_RETRIES.name()))
                .map(ProducerRecord::value)
                .map(v -> DeliveryRecords.fromAvro((AlertDelivery) v))
                .toList();
    }

    private static ConsumerRecord<String, AlertDelivery> record(Delivery delivery, long offset) {
        return new ConsumerRecord<>(
                Topics.ALERT_DELIVERIES.name(), 0, offset, delivery.subscriptionId(), DeliveryRecords.toAvro(delivery));
    }

    private DeliveryWorker worker(WebhookSender sender) {
        var view = mock(io.kabar.notification.subscriptions.SubscriptionView.class);
        when(view.find("s1")).thenReturn(Optional.of(DeliveryDispatcherTest.SUBSCRIPTION));
        when(view.find("s2")).thenReturn(Optional.of(DeliveryDispatcherTest.SUBSCRIPTION));
        var producers = new DefaultKafkaProducerFactory<String, Object>(Map.of()) {
            @Override
            public Producer<String, Object> createProducer() {
                return producer;
            }
        };
        Random noJitter = new Random() {
            @Override
            public double nextDouble() {
                return 0.5;
            }
        };
        var metrics =
                new DeliveryMetrics(new SimpleMeterRegistry(), DeliveryDispatcherTest.CLOCK, id -> Optional.empty());
        return new DeliveryWorker(
                new DeliveryDispatcher(
                        sender,
                        view,
                        Map.of(Subscription.Channel.WEBHOOK, new WebhookChannel(DeliveryDispatcherTest.CLOCK))),
                new Settlement(
                        new RetryPolicy(RetryPolicyTest.SETTINGS, noJitter),
                        new DeliveryLog(producers),
                        null,
                        metrics,
                        DeliveryDispatcherTest.CLOCK,
                        expireAfter,
                        Runnable::run),
                metrics,
                DeliveryDispatcherTest.CLOCK,
                timeouts,
                FirstAttemptGate.OPEN);
    }
}
