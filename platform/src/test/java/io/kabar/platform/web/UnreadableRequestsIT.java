package io.kabar.platform.web;

import static io.kabar.testing.EdgeRequests.raw;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests that the server cannot even take apart, as the fault-injection suite's fuzzing sends them, are the client's
 * fault and answered 4xx, never 500.
 */
@SpringBootTest(
        classes = GuardedApp.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
class UnreadableRequestsIT {

    @LocalServerPort
    int port;

    @Test
    void answers400ForAQueryStringThatIsNotPercentEncoded() throws Exception {
        assertThat(raw(port, "GET /api/search?q=%zz HTTP/1.1", "")).isEqualTo(400);
        assertThat(raw(port, "GET /api/search?q=% HTTP/1.1", "")).isEqualTo(400);
        assertThat(raw(port, "GET /api/search?q=%FF%FE HTTP/1.1", "")).isEqualTo(400);
        assertThat(raw(port, "GET /api/search?=1 HTTP/1.1", "")).isEqualTo(400);
    }

    @Test
    void answers400ForAMultipartBodyWithoutItsBoundary() throws Exception {
        assertThat(raw(port, "POST /api/news HTTP/1.1\r\nContent-Type: multipart/form-data", "{}"))
                .isEqualTo(400);
    }

    @Test
    void answers415ForAWildcardOrUnparseableContentTypeAlsoFromAnotherOrigin() throws Exception {
        assertThat(raw(port, "POST /api/news HTTP/1.1\r\nContent-Type: application/*", "{}"))
                .isEqualTo(415);
        assertThat(raw(port, "POST /api/news HTTP/1.1\r\nContent-Type: ///", "{}"))
                .isEqualTo(415);
        assertThat(raw(
                        port,
                        "DELETE /api/news HTTP/1.1\r\nOrigin: https://evil.example\r\nContent-Type: application/*",
                        "{}"))
                .isEqualTo(415);
    }
}
