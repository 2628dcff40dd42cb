package io.kabar.trending;

import static io.kabar.testing.EdgeRequests.get;
import static io.kabar.testing.EdgeRequests.preflight;
import static io.kabar.testing.EdgeRequests.url;
import static org.assertj.core.api.Assertions.assertThat;

import io.kabar.testing.HugeBodies;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * trending-service's public edge: page views from browsers (sendBeacon's text/plain included, cross-origin from the
 * reader site), bounded batch bodies, Actuator off the public port.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
class TrendingEdgeIT {

    private static final String READER_SITE = "http://127.0.0.1:8080";

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void acceptsAPageViewSentAsTextPlainLikeSendBeacon() throws Exception {
        String view = "{\"articleId\": \"%s\", \"sessionId\": \"beacon-1\"}".formatted(UUID.randomUUID());

        HttpResponse<String> answer = client.send(
                HttpRequest.newBuilder(url(port, "/api/page-views"))
                        .header("Content-Type", "text/plain;charset=UTF-8")
                        .header("Origin", READER_SITE)
                        .POST(HttpRequest.BodyPublishers.ofString(view))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(answer.body()).contains("\"accepted\":1");
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue(READER_SITE);
        assertThat(answer.headers().firstValue("RateLimit-Policy")).hasValue("\"page-views\";q=100;w=1");
    }

    @Test
    void readsMalformedTextPlainAsTheSameBadJson() throws Exception {
        HttpResponse<String> answer = client.send(
                HttpRequest.newBuilder(url(port, "/api/page-views"))
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"articleId\": "))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void refusesAPageViewBatchAbove64KibWithoutReadingIt() throws Exception {
        assertThat(HugeBodies.declared(port, "/api/page-views", "text/plain", 50L * 1024 * 1024, 64 * 1024))
                .startsWith("HTTP/1.1 413");
        assertThat(HugeBodies.chunked(port, "/api/page-views", "application/json", 128 * 1024))
                .startsWith("HTTP/1.1 413");
    }

    @Test
    void letsTheReaderSiteSendViewsAndReadRankingsCrossOrigin() throws Exception {
        assertThat(preflight(port, "/api/page-views", READER_SITE, "POST", "content-type")
                        .statusCode())
                .isEqualTo(200);
        assertThat(preflight(port, "/api/trending", READER_SITE, "GET", "content-type")
                        .statusCode())
                .isEqualTo(200);
        assertThat(preflight(port, "/api/page-views", "https://elsewhere.example", "POST", "content-type")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void servesActuatorOnTheManagementPortOnly() throws Exception {
        assertThat(get(port, "/actuator/health").statusCode()).isEqualTo(404);
        assertThat(get(managementPort, "/actuator/health").statusCode()).isIn(200, 503);
    }
}
