package io.kabar.article;

import static io.kabar.testing.EdgeRequests.get;
import static io.kabar.testing.EdgeRequests.preflight;
import static org.assertj.core.api.Assertions.assertThat;

import io.kabar.testing.HugeBodies;
import io.kabar.testing.TestTokens;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/** article-service's public edge: bounded write bodies, reads open to the reader site, Actuator off the public port. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "kabar.auth.public-key-location=${" + TestTokens.PUBLIC_KEY_LOCATION + "}"
        })
class ArticleEdgeIT {

    private static final String READER_SITE = "http://localhost:8080";

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void refusesAnArticleBodyAbove512KibWithoutReadingIt() throws Exception {
        assertThat(HugeBodies.declared(port, "/api/articles", "application/json", 50L * 1024 * 1024, 64 * 1024))
                .startsWith("HTTP/1.1 413")
                .contains("application/problem+json");
        // A chunked body is counted as it is read, which happens only for a writer: unauthenticated, it meets 401
        // first.
        String writer = "Authorization: Bearer " + TestTokens.token("penulis-ayu", "articles:write");
        assertThat(HugeBodies.chunked(port, "/api/articles", "application/json", 600 * 1024, writer))
                .startsWith("HTTP/1.1 413")
                .contains("application/problem+json");
    }

    @Test
    void letsTheReaderSiteReadArticlesButNotWriteThem() throws Exception {
        HttpResponse<String> read = preflight(port, "/api/articles", READER_SITE, "GET");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).hasValue(READER_SITE);

        for (String write : new String[] {"POST", "PUT", "DELETE"}) {
            HttpResponse<String> refused = preflight(port, "/api/articles/some-id", READER_SITE, write);
            assertThat(refused.statusCode()).as(write).isEqualTo(403);
            assertThat(refused.headers().firstValue("Access-Control-Allow-Origin"))
                    .isEmpty();
        }
    }

    @Test
    void servesActuatorOnTheManagementPortOnly() throws Exception {
        assertThat(get(port, "/actuator/health").statusCode()).isEqualTo(404);
        assertThat(get(port, "/actuator/prometheus").statusCode()).isEqualTo(404);
        assertThat(get(managementPort, "/actuator/prometheus").statusCode()).isEqualTo(200);
    }
}
