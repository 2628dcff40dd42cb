package io.kabar.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kabar.testing.Http;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The services against the official {@code apache/kafka} image instead of the embedded broker; runs where a Docker
 * engine is available and is reported as skipped where it is not.
 */
@Testcontainers(disabledWithoutDocker = true)
class DockerKafkaIT {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    @Test
    void publishedArticlesGetRelatedLinksOnTheOfficialKafkaImage() throws Exception {
        try (ServiceProcess article = ServiceProcess.start("article-service", KAFKA.getBootstrapServers());
                ServiceProcess links = ServiceProcess.start("related-links-service", KAFKA.getBootstrapServers())) {
            article.awaitReady(Duration.ofSeconds(120));
            links.awaitReady(Duration.ofSeconds(120));
            Http articles = new Http(article.port());
            String seed = Examples.publish(articles, Path.of("seed-article.json"));
            String related = Examples.publish(articles, Path.of("demo", "02-kim-jong-un-kereta-vladivostok.json"));

            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(new Http(links.port())
                                    .get("/api/articles/" + seed + "/related")
                                    .pluck("links", "articleId"))
                            .contains(related));
        }
    }
}
