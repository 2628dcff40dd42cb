package io.kabar.notification.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kabar.notification.alerts.Alert;
import io.kabar.notification.alerts.Interests;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

class StreamClientTest {

    static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
    static final Alert ALERT = new Alert(
            "a1", "art1", 1, "Judul", null, "https://kabar.example/x", "Nasional", List.of(), NOW, NOW, false);

    @Test
    void aClientThatStopsReadingIsDisconnectedOnceItsBufferIsFullWithoutHoldingTheFeedUp() {
        CountDownLatch release = new CountDownLatch(1);
        SseEmitter neverWritten = new SseEmitter(0L) {
            @Override
            public void send(SseEventBuilder builder) throws IOException {
                try {
                    release.await(); // a client that reads nothing: the write never returns
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
        };
        AtomicInteger dropped = new AtomicInteger();
        StreamClient client = new StreamClient(
                neverWritten,
                Interests.everything(),
                2,
                Duration.ofMinutes(10),
                Clock.fixed(NOW, ZoneOffset.UTC),
                dropped::incrementAndGet);
        client.startAt(new StreamPosition(Map.of(0, 0L)), false);
        client.startWriting();

        for (int i = 0; i < 10; i++) {
            client.live(new StreamClient.Read(0, i, ALERT)); // returns at once although nothing is written
        }

        assertThat(client.closed()).isTrue();
        assertThat(dropped).hasValue(1);
        release.countDown();
    }

    @Test
    void aStreamSentNoAlertForTheIdleTimeOnTheServicesClockEndsWithAReconnectEvent() {
        List<String> sent = new CopyOnWriteArrayList<>();
        SseEmitter recording = new SseEmitter(0L) {
            @Override
            public void send(SseEventBuilder builder) {
                builder.build().forEach(part -> sent.add(String.valueOf(part.getData())));
            }
        };
        AtomicReference<Instant> now = new AtomicReference<>(NOW);
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        StreamClient client =
                new StreamClient(recording, Interests.everything(), 8, Duration.ofMinutes(10), clock, () -> {});
        client.startAt(new StreamPosition(Map.of(0, 0L)), false);
        client.startWriting();

        now.set(NOW.plus(Duration.ofMinutes(9)));
        client.live(new StreamClient.Read(0, 0, ALERT));
        await().atMost(Duration.ofSeconds(10)).until(() -> sent.size() >= 2);
        int written = sent.size();
        now.set(NOW.plus(Duration.ofMinutes(18)));
        client.heartbeat(); // nine minutes after the alert: not idle yet
        await().atMost(Duration.ofSeconds(10)).until(() -> sent.size() > written);
        assertThat(client.closed()).isFalse();
        now.set(NOW.plus(Duration.ofMinutes(20)));
        client.heartbeat();

        await().atMost(Duration.ofSeconds(10)).until(client::closed);
        assertThat(String.join("", sent)).contains("event:reconnect").contains("{\"reason\":\"idle\"}");
    }
}
