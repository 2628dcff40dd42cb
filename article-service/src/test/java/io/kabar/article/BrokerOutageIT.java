package io.kabar.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kabar.testing.Http;
import io.kabar.testing.KafkaBroker;
import io.kabar.testing.TcpProxy;
import io.kabar.testing.TestTokens;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * A broker of its own behind a proxy that the test cuts and restores: while the broker is unreachable the instance
 * stays ready and serves reads from memory, writes answer 503 with Retry-After, health shows Kafka down; once it is
 * back, writes succeed again without a restart.
 */
class BrokerOutageIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @Test
    void servesReadsThroughABrokerOutageRefusesWritesWith503AndRecoversByItself() {
        try (TcpProxy proxy = TcpProxy.start();
                KafkaBroker broker =
                        KafkaBroker.start(3, Map.of("advertised.listeners", "EXTERNAL://127.0.0.1:" + proxy.port()));
                ConfigurableApplicationContext service = start(proxied(proxy, broker))) {
            Http http = new Http(((WebServerApplicationContext) service)
                            .getWebServer()
                            .getPort())
                    .bearer(TestTokens.writer());
            Http management = new Http(Integer.parseInt(service.getEnvironment().getProperty("local.management.port")));
            await().atMost(PATIENCE)
                    .until(() -> management
                            .get("/actuator/health/readiness")
                            .status()
                            .is2xxSuccessful());
            Http.Answer before = http.post("/api/articles", ArticleApiIT.article("Sebelum gangguan"));
            assertThat(before.status()).isEqualTo(HttpStatus.CREATED);
            String id = (String) before.get("id");

            proxy.cut();
            await().atMost(PATIENCE).until(() -> "DOWN".equals(kafkaStatus(management)));

            assertThat(http.get("/api/articles/" + id).status()).isEqualTo(HttpStatus.OK);
            assertThat(http.get("/api/articles?limit=5").status()).isEqualTo(HttpStatus.OK);
            assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(HttpStatus.OK);
            Http.Answer during = http.post("/api/articles", ArticleApiIT.article("Selama gangguan"));
            assertThat(during.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(during.headers().getFirst("Retry-After")).isEqualTo("3");
            assertThat(during.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat((String) during.get("type")).isEqualTo("https://kabar.example/problems/service-unavailable");

            proxy.restore();
            await().atMost(PATIENCE)
                    .until(() -> http.post("/api/articles", ArticleApiIT.article("Setelah gangguan"))
                            .status()
                            .equals(HttpStatus.CREATED));
            assertThat(http.get("/api/articles/" + id).status()).isEqualTo(HttpStatus.OK);
            await().atMost(PATIENCE).until(() -> "UP".equals(kafkaStatus(management)));
        }
    }

    /** Sends the service (and, by the advertised listener, every later connection) through the proxy. */
    private static String proxied(TcpProxy proxy, KafkaBroker broker) {
        proxy.forwardTo(broker.bootstrapServers());
        return "127.0.0.1:" + proxy.port();
    }

    @SuppressWarnings("unchecked")
    private static String kafkaStatus(Http management) {
        Map<String, Object> components =
                (Map<String, Object>) management.get("/actuator/health").get("components");
        return (String) ((Map<String, Object>) components.get("kafka")).get("status");
    }

    private static ConfigurableApplicationContext start(String bootstrap) {
        return new SpringApplicationBuilder(ArticleServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + bootstrap,
                        "--kabar.auth.public-key-location=" + TestTokens.publicKeyLocation(),
                        "--kabar.articles.publish-timeout=2s",
                        "--kabar.articles.retry-after=3s",
                        "--kabar.kafka.health-timeout=1s");
    }
}
