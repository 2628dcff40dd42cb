package io.kabar.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** The live stream's limits on the real broker: bad resume positions, idle streams, the streams-open gauge. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "kabar.notifications.stream.idle-timeout=3s"
        })
@ActiveProfiles("it")
@DirtiesContext
class StreamLimitsIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void aLastEventIdThatIsNotAPositionOfTheTopicAnswers400NamingTheHeader() throws Exception {
        for (String id : new String[] {"not-an-id", "0-999999999999", "4096-0"}) {
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(stream("Apa")))
                                    .header("Accept", "text/event-stream")
                                    .header("Last-Event-ID", id)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).as(id).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(answer.body()).contains("\"field\":\"Last-Event-ID\"");
        }
    }

    @Test
    void anIdleStreamEndsWithAFinalEventTellingTheClientToReconnect() throws Exception {
        String category = "Idle" + UUID.randomUUID().toString().substring(0, 8);
        try (SseClient idle = new SseClient(stream(category), null)) {
            await().atMost(WAIT)
                    .until(() -> meters.get("kabar.notifications.streams.open")
                                    .gauge()
                                    .value()
                            >= 1);
            await().atMost(WAIT).until(() -> idle.events().stream().anyMatch(e -> "reconnect".equals(e.name())));
            assertThat(idle.events().getLast().name()).isEqualTo("reconnect");
            assertThat(idle.events().getLast().data()).contains("idle");
            await().atMost(WAIT)
                    .until(() -> meters.get("kabar.notifications.streams.open")
                                    .gauge()
                                    .value()
                            == 0);
        }
    }

    private String stream(String category) {
        return "http://127.0.0.1:" + port + "/api/alerts/stream?categories=" + category;
    }
}
