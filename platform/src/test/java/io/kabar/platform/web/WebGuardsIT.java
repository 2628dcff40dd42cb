package io.kabar.platform.web;

import static io.kabar.testing.EdgeRequests.get;
import static io.kabar.testing.EdgeRequests.preflight;
import static io.kabar.testing.EdgeRequests.url;
import static org.assertj.core.api.Assertions.assertThat;

import io.kabar.testing.HugeBodies;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/** The platform's guards on a real server: rate limits, body limits, CORS and the management port. */
@SpringBootTest(
        classes = GuardedApp.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "kabar.web.trusted-proxies=127.0.0.1/32,::1",
            WebGuardsIT.VOTES_PATH,
            WebGuardsIT.VOTES_METHODS,
            WebGuardsIT.VOTES_REQUESTS,
            WebGuardsIT.VOTES_PER,
            "kabar.limits.bodies.news.path=/api/news",
            "kabar.limits.bodies.news.max-size=16KB",
            "kabar.web.cross-origin[/api/news/**]=GET",
            "kabar.web.cross-origin[/api/votes]=POST",
        })
class WebGuardsIT {

    static final String VOTES_PATH = "kabar.limits.rates.votes.path=/api/votes";
    static final String VOTES_METHODS = "kabar.limits.rates.votes.methods=POST";
    static final String VOTES_REQUESTS = "kabar.limits.rates.votes.requests=3";
    static final String VOTES_PER = "kabar.limits.rates.votes.per=1h";
    static final String READER_SITE = "http://localhost:8080";

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void answers429WithRetryAfterAndRateLimitFieldsOnceAClientHasSpentItsRequests() throws Exception {
        String reader = someAddress();
        for (int remaining = 2; remaining >= 0; remaining--) {
            HttpResponse<String> vote = vote(port, reader);
            assertThat(vote.statusCode()).isEqualTo(200);
            assertThat(vote.headers().firstValue("RateLimit-Policy")).hasValue("\"votes\";q=3;w=3600");
            assertThat(vote.headers().firstValue("RateLimit").orElseThrow())
                    .startsWith("\"votes\";r=" + remaining + ";t=");
        }

        HttpResponse<String> refused = vote(port, reader);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("\"type\":\"https://kabar.example/problems/too-many-requests\"");
        long retryAfter =
                Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 1200L);
        assertThat(refused.headers().firstValue("RateLimit").orElseThrow()).startsWith("\"votes\";r=0;t=");
    }

    @Test
    void tellsClientsBehindATrustedProxyApartByForwardedFor() throws Exception {
        String first = someAddress();
        for (int i = 0; i < 4; i++) {
            vote(port, first);
        }
        assertThat(vote(port, first).statusCode()).isEqualTo(429);

        assertThat(vote(port, someAddress()).statusCode()).isEqualTo(200);
    }

    @Test
    void ignoresForwardedForFromAnUntrustedPeer() throws Exception {
        try (ConfigurableApplicationContext untrusting = new SpringApplicationBuilder(GuardedApp.class)
                .run(
                        "--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + System.getProperty("spring.embedded.kafka.brokers"),
                        "--" + VOTES_PATH,
                        "--" + VOTES_METHODS,
                        "--" + VOTES_REQUESTS,
                        "--" + VOTES_PER)) {
            int untrustingPort = Integer.parseInt(untrusting.getEnvironment().getProperty("local.server.port"));
            for (int i = 0; i < 3; i++) {
                assertThat(vote(untrustingPort, someAddress()).statusCode()).isEqualTo(200);
            }

            // Every request came from 127.0.0.1, whatever X-Forwarded-For claimed.
            assertThat(vote(untrustingPort, someAddress()).statusCode()).isEqualTo(429);
        }
    }

    @Test
    void refusesABodyDeclaredTooLargeWithoutWaitingForIt() throws Exception {
        String answer = HugeBodies.declared(port, "/api/news", "application/json", 50L * 1024 * 1024, 64 * 1024);

        assertThat(answer).startsWith("HTTP/1.1 413").contains("Content-Type: application/problem+json");
    }

    @Test
    void refusesAChunkedBodyOnceItHasPassedTheLimit() throws Exception {
        String answer = HugeBodies.chunked(port, "/api/news", "application/json", 64 * 1024);

        assertThat(answer).startsWith("HTTP/1.1 413").contains("Content-Type: application/problem+json");
    }

    @Test
    void acceptsABodyWithinTheLimit() throws Exception {
        HttpResponse<String> published = client.send(
                HttpRequest.newBuilder(url(port, "/api/news"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"" + "a".repeat(15_000) + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(published.statusCode()).isEqualTo(200);
    }

    @Test
    void allowsTheReaderSitesPreflightForAPublicRead() throws Exception {
        HttpResponse<String> preflight = preflight(port, "/api/news", READER_SITE, "GET");

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue(READER_SITE);
    }

    @Test
    void refusesPreflightFromAnotherOrigin() throws Exception {
        HttpResponse<String> preflight = preflight(port, "/api/news", "https://evil.example", "GET");

        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
        assertThat(preflight.body()).contains("cross-origin-refused");
    }

    @Test
    void refusesPreflightForAWriteOnAReadOnlyPath() throws Exception {
        HttpResponse<String> preflight = preflight(port, "/api/news", READER_SITE, "POST");

        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
    }

    @Test
    void servesActuatorOnTheManagementPortOnly() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        assertThat(get(port, "/actuator/health").statusCode()).isEqualTo(404);
        assertThat(get(port, "/actuator/prometheus").statusCode()).isEqualTo(404);

        HttpResponse<String> health = get(managementPort, "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"components\"");
        assertThat(get(managementPort, "/actuator/prometheus").statusCode()).isEqualTo(200);
    }

    @Test
    void givesEveryProblemATypeUriIncludingSpringMvcsOwnRefusals() throws Exception {
        HttpResponse<String> unknownPath = get(port, "/api/nothing-here");
        HttpResponse<String> wrongMethod = client.send(
                HttpRequest.newBuilder(url(port, "/api/news")).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> malformed = client.send(
                HttpRequest.newBuilder(url(port, "/api/news"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"headline\": "))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(unknownPath.statusCode()).isEqualTo(404);
        assertThat(unknownPath.body()).contains("\"type\":\"https://kabar.example/problems/not-found\"");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.body()).contains("\"type\":\"https://kabar.example/problems/method-not-allowed\"");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"type\":\"https://kabar.example/problems/bad-request\"");
    }

    private HttpResponse<String> vote(int port, String forwardedFor) throws Exception {
        return client.send(
                HttpRequest.newBuilder(url(port, "/api/votes"))
                        .header("X-Forwarded-For", forwardedFor)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A client address from the documentation range, a new one on every call. */
    private static String someAddress() {
        return "198.51.100." + ADDRESSES.incrementAndGet();
    }
}
