package io.kabar.notification;

import static io.kabar.testing.EdgeRequests.get;
import static io.kabar.testing.EdgeRequests.preflight;
import static io.kabar.testing.EdgeRequests.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kabar.testing.HugeBodies;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * notification-service's public edge: subscribing is rate limited per client, alert streams are bounded per client
 * and per instance, subscription bodies are bounded, only the stream is open cross-origin, Actuator is not public.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            // Smaller than the defaults so a test reaches them; the requests come through a "proxy" on loopback.
            "kabar.limits.rates.subscriptions.requests=3",
            "kabar.limits.concurrent.alert-streams.per-client=2",
            "kabar.limits.concurrent.alert-streams.total=3",
            "kabar.web.trusted-proxies=127.0.0.1",
        })
@ActiveProfiles("it")
@DirtiesContext
class PublicEdgeIT {

    private static final String READER_SITE = "http://127.0.0.1:8080";

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void answers429WithRateLimitFieldsOnceAClientHasSubscribedItsShare() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(subscribe("198.51.100.10").statusCode()).isEqualTo(201);
        }

        HttpResponse<String> refused = subscribe("198.51.100.10");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.headers().firstValue("RateLimit-Policy")).hasValue("\"subscriptions\";q=3;w=60");
        assertThat(refused.headers().firstValue("RateLimit").orElseThrow()).startsWith("\"subscriptions\";r=0;t=");
        assertThat(subscribe("198.51.100.11").statusCode()).isEqualTo(201);
    }

    @Test
    void boundsOpenAlertStreamsPerClientAndPerInstanceAndFreesASlotWhenAStreamCloses() throws Exception {
        List<HttpResponse<?>> open = new ArrayList<>();
        try {
            open.add(stream("203.0.113.1"));
            open.add(stream("203.0.113.1"));
            assertThat(open).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));

            HttpResponse<?> third = stream("203.0.113.1");
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.headers().firstValue("Retry-After")).isPresent();

            open.add(stream("203.0.113.2"));
            assertThat(open.get(2).statusCode()).isEqualTo(200);
            HttpResponse<?> overCapacity = stream("203.0.113.3");
            assertThat(overCapacity.statusCode()).isEqualTo(503);

            close(open.remove(0));
            // The server notices the closed stream when its next heartbeat cannot be written.
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> {
                        HttpResponse<?> again = stream("203.0.113.1");
                        if (again.statusCode() == 200) {
                            open.add(again);
                            return true;
                        }
                        return false;
                    });
        } finally {
            open.forEach(PublicEdgeIT::close);
        }
    }

    @Test
    void refusesAnOversizedSubscriptionBodyUnread() throws Exception {
        assertThat(HugeBodies.declared(port, "/api/subscriptions", "application/json", 50L * 1024 * 1024, 16 * 1024))
                .startsWith("HTTP/1.1 413");
        assertThat(HugeBodies.chunked(port, "/api/subscriptions", "application/json", 32 * 1024))
                .startsWith("HTTP/1.1 413");
    }

    @Test
    void letsTheReaderSiteOpenTheAlertStreamButNotSubscribe() throws Exception {
        HttpResponse<String> stream = preflight(port, "/api/alerts/stream", READER_SITE, "GET");
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Access-Control-Allow-Origin")).hasValue(READER_SITE);

        HttpResponse<String> subscribe = preflight(port, "/api/subscriptions", READER_SITE, "POST");
        assertThat(subscribe.statusCode()).isEqualTo(403);
        assertThat(subscribe.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
    }

    @Test
    void servesActuatorOnTheManagementPortOnly() throws Exception {
        assertThat(get(port, "/actuator/health").statusCode()).isEqualTo(404);
        assertThat(get(managementPort, "/actuator/health/readiness").statusCode())
                .isEqualTo(200);
    }

    private HttpResponse<String> subscribe(String forwardedFor) throws Exception {
        String body =
                "{\"channel\": \"webhook\", \"url\": \"http://127.0.0.1:9/kabar\", \"categories\": [\"Nasional\"]}";
        return client.send(
                HttpRequest.newBuilder(url(port, "/api/subscriptions"))
                        .header("Content-Type", "application/json")
                        .header("X-Forwarded-For", forwardedFor)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Opens a stream and returns once its answer has begun; the body stays open until closed. */
    private HttpResponse<InputStream> stream(String forwardedFor) throws Exception {
        return client.sendAsync(
                        HttpRequest.newBuilder(url(port, "/api/alerts/stream"))
                                .header("Accept", "text/event-stream")
                                .header("X-Forwarded-For", forwardedFor)
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream())
                .get(10, TimeUnit.SECONDS);
    }

    private static void close(HttpResponse<?> response) {
        try {
            ((InputStream) response.body()).close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
