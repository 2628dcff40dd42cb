package io.kabar.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kabar.testing.Http;
import io.kabar.testing.TestTokens;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A fresh instance rebuilds its catalog and idempotency ledger from the log, as after a restart. */
class RestartIT {

    @Test
    void answersARetryAfterARestartWithTheFirstResultAndServesTheArticle() {
        String key = UUID.randomUUID().toString();
        String id;
        try (ConfigurableApplicationContext first = start()) {
            id = (String) http(first)
                    .post(
                            "/api/articles",
                            ArticleApiIT.article("Pemilu serentak digelar Februari"),
                            h -> h.set("Idempotency-Key", key))
                    .get("id");
        }

        try (ConfigurableApplicationContext second = start()) {
            Http http = http(second);
            Http management = new Http(Integer.parseInt(second.getEnvironment().getProperty("local.management.port")));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> management
                            .get("/actuator/health/readiness")
                            .status()
                            .is2xxSuccessful());

            Http.Answer retry = http.post(
                    "/api/articles",
                    ArticleApiIT.article("Pemilu serentak digelar Februari"),
                    h -> h.set("Idempotency-Key", key));

            assertThat(retry.get("id")).isEqualTo(id);
            assertThat(retry.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
            assertThat(http.get("/api/articles/" + id).body())
                    .containsEntry("title", "Pemilu serentak digelar Februari");
            assertThat(ArticleApiIT.eventsOf(id, 1)).hasSize(1);
        }
    }

    static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ArticleServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + System.getProperty("spring.embedded.kafka.brokers"),
                        "--kabar.auth.public-key-location=" + TestTokens.publicKeyLocation());
    }

    private static Http http(ConfigurableApplicationContext context) {
        return new Http(((WebServerApplicationContext) context).getWebServer().getPort()).bearer(TestTokens.writer());
    }
}
