package io.kabar.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.serde.AvroDeserializer;
import io.kabar.schemas.topics.Service;
import io.kabar.schemas.topics.Topics;
import io.kabar.testing.Http;
import io.kabar.testing.TestBroker;
import io.kabar.testing.TestTokens;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.HttpStatus;

/**
 * The whole of Kabar as it runs in production: the four services, each its own jar in its own JVM logged in as its own
 * principal, against a broker that authenticates every client and enforces the ACLs generated from the topic registry
 * (see {@link WholeStack}), driven only through their HTTP APIs with the seed page and the project's demo articles.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WholeStackIT {

    private static final Duration SETTLED = Duration.ofSeconds(60);

    private final Map<String, String> ids = new HashMap<>();
    private WholeStack stack;

    @BeforeAll
    void startTheStack() throws Exception {
        stack = WholeStack.start();
    }

    @AfterAll
    void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(0)
    void everyServiceRunsOnJava25() {
        for (ServiceProcess service : stack.services()) {
            Object java =
                    new Http(service.managementPort()).get("/actuator/info").get("java");
            assertThat(((Map<?, ?>) java).get("version"))
                    .as(service.module() + "'s Java runtime")
                    .asString()
                    .startsWith("25");
        }
    }

    @Test
    @Order(1)
    void seedPageLinksToTheStoriesAboutRussiaAndNorthKoreaBeforeSportAndStocks() throws IOException {
        publish("seed", Path.of("seed-article.json"));
        for (String name : List.of(
                "01-rusia-korut-kerja-sama-militer",
                "02-kim-jong-un-kereta-vladivostok",
                "03-korsel-as-latihan-gabungan",
                "04-ihsg-dibuka-menguat",
                "05-timnas-u23-kualifikasi")) {
            publish(name, Path.of("demo", name + ".json"));
        }

        await().atMost(SETTLED).untilAsserted(() -> {
            List<Object> links = stack.relatedTo(ids.get("seed"));
            assertThat(links)
                    .startsWith(ids.get("02-kim-jong-un-kereta-vladivostok"))
                    .contains(ids.get("01-rusia-korut-kerja-sama-militer"), ids.get("03-korsel-as-latihan-gabungan"));
            assertThat(links.subList(0, 3))
                    .doesNotContain(ids.get("04-ihsg-dibuka-menguat"), ids.get("05-timnas-u23-kualifikasi"));
        });
    }

    @Test
    @Order(2)
    void breakingStoryReachesTheWebhookSubscriberAndTheLiveStream() throws IOException {
        try (WebhookReceiver receiver = new WebhookReceiver();
                SseClient stream = new SseClient(
                        "http://127.0.0.1:" + stack.notificationPort + "/api/alerts/stream?categories=Internasional")) {
            Http.Answer subscribed = stack.notifications.post(
                    "/api/subscriptions",
                    Map.of(
                            "channel",
                            "webhook",
                            "url",
                            receiver.url("/alerts"),
                            "categories",
                            List.of("Internasional")));
            assertThat(subscribed.status()).isEqualTo(HttpStatus.CREATED);
            await().atMost(SETTLED).until(() -> stream.lines().stream().anyMatch(l -> l.startsWith(":")));

            publish("breaking", Path.of("demo", "06-putin-satelit-korut.json"));
            assertThat(TestBroker.readAll(
                                    stack.broker.admin(),
                                    Topics.ARTICLES.name(),
                                    new AvroDeserializer<>(ArticleEvent.class))
                            .stream()
                            .filter(r -> r.key().equals(ids.get("breaking"))))
                    .extracting(r -> r.value().getChangedBy())
                    .containsExactly("test-editor");

            await().atMost(SETTLED).untilAsserted(() -> {
                assertThat(receiver.bodies())
                        .anySatisfy(body -> assertThat(body)
                                .contains(ids.get("breaking"))
                                .contains("Putin Isyaratkan Rusia Bantu Program Satelit Korea Utara"));
                assertThat(stream.lines())
                        .contains("event:alert.created")
                        .anySatisfy(line -> assertThat(line).startsWith("data:").contains(ids.get("breaking")));
            });
        }
    }

    @Test
    @Order(3)
    void pageViewsPutTheMostReadStoryOnTopOfTerpopuler() {
        stack.views(ids.get("breaking"), 30);
        stack.views(ids.get("seed"), 12);
        stack.views(ids.get("01-rusia-korut-kerja-sama-militer"), 5);
        stack.views(ids.get("01-rusia-korut-kerja-sama-militer"), 5);

        await().atMost(SETTLED).untilAsserted(() -> {
            Http.Answer top = stack.trending.get("/api/trending?window=1h&limit=3");
            assertThat(top.pluck("articles", "articleId"))
                    .containsExactly(
                            ids.get("breaking"), ids.get("seed"), ids.get("01-rusia-korut-kerja-sama-militer"));
            assertThat(top.pluck("articles", "views")).containsExactly(30, 12, 5);
        });
    }

    @Test
    @Order(4)
    void unpublishingAStoryRemovesItFromRelatedListsAndFromTerpopuler() {
        String breaking = ids.get("breaking");
        await().atMost(SETTLED).until(() -> stack.relatedTo(ids.get("seed")).contains(breaking));

        Http.Answer unpublished = stack.articles
                .bearer(TestTokens.writer())
                .delete("/api/articles/" + breaking, h -> h.setIfMatch("\"1\""));

        assertThat(unpublished.status()).isEqualTo(HttpStatus.NO_CONTENT);

        await().atMost(SETTLED).untilAsserted(() -> {
            assertThat(stack.relatedTo(ids.get("seed"))).doesNotContain(breaking);
            assertThat(stack.related
                            .get("/api/articles/" + breaking + "/related")
                            .status())
                    .isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(stack.trending.get("/api/trending?window=1h&limit=10").pluck("articles", "articleId"))
                    .doesNotContain(breaking)
                    .startsWith(ids.get("seed"));
        });
    }

    @Test
    @Order(5)
    void aPrincipalWithoutTheRightCanNeitherWriteArticlesNorReadSubscriptions() {
        // related-links-service reads news.articles, so it can see the topic, but only article-service may write it.
        assertThatThrownBy(() -> stack.send(Service.RELATED_LINKS_SERVICE, Topics.ARTICLES.name(), "forged-article"))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
        assertThat(WholeStack.records(stack.broker.admin(), Topics.ARTICLES.name()))
                .extracting(ConsumerRecord::key)
                .contains(ids.get("seed"))
                .doesNotContain("forged-article");

        // The subscription made above is there, and only notification-service may read it.
        assertThat(WholeStack.records(stack.broker.admin(), Topics.SUBSCRIPTIONS.name()))
                .isNotEmpty();
        assertThatThrownBy(() -> WholeStack.records(
                        stack.broker.clientAs(Service.TRENDING_SERVICE), Topics.SUBSCRIPTIONS.name()))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> WholeStack.records(stack.broker.clientAs(Service.SITE), Topics.SUBSCRIPTIONS.name()))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    private void publish(String name, Path example) throws IOException {
        ids.put(name, Examples.publish(stack.articles, example));
    }
}
