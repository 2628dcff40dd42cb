package io.kabar.article;

import static org.assertj.core.api.Assertions.assertThat;

import io.kabar.testing.Http;
import io.kabar.testing.TestTokens;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** With no broker to talk to, writes answer 503 with Retry-After after the publish timeout, and the instance is not ready. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.kafka.bootstrap-servers=127.0.0.1:${closed.port}",
            "spring.kafka.admin.auto-create=false",
            "kabar.articles.publish-timeout=2s",
            "kabar.articles.catch-up-timeout=2s",
            "kabar.articles.retry-after=7s",
            "kabar.kafka.health-timeout=1s",
            "kabar.auth.public-key-location=${" + TestTokens.PUBLIC_KEY_LOCATION + "}"
        })
class BrokerUnavailableIT {

    static {
        System.setProperty("closed.port", String.valueOf(closedPort()));
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void answersServiceUnavailableWithRetryAfterWhenTheBrokerIsUnreachable() {
        Http http = new Http(port).bearer(TestTokens.writer());

        Http.Answer answer = http.post("/api/articles", ArticleApiIT.article("Tidak akan terbit"), h -> {});

        assertThat(answer.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.headers().getFirst("Retry-After")).isEqualTo("7");
        assertThat(answer.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) answer.get("detail")).contains("nothing was written");
        assertThat(new Http(managementPort).get("/actuator/health/readiness").status())
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    /** A port that nothing listens on: bound once to find it, then released. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
