package io.kabar.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kabar.notification.subscriptions.SubscriptionView;
import io.kabar.schemas.AlertDelivery;
import io.kabar.schemas.AlertType;
import io.kabar.schemas.Article;
import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.ArticleEventType;
import io.kabar.schemas.BreakingAlert;
import io.kabar.schemas.serde.AvroDeserializer;
import io.kabar.schemas.topics.Topics;
import io.kabar.testing.TestBroker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * An alert follows its article: a change readers see sends {@code alert.updated}, unpublishing or a takedown
 * {@code alert.retracted} without content, each once per subscriber that was sent the alert, under the alert's id and
 * a webhook-id of its own, over webhooks and the stream, also across a restart of the service.
 */
class FollowUpIT {

    // Generous: a loaded machine takes long to start an instance and settle its consumer groups.
    static final Duration WAIT = Duration.ofMinutes(3);
    static final JsonMapper JSON = new JsonMapper();

    final String brokers = TestBroker.brokers();

    @Test
    void subscribersOfAnAlertGetItsUpdatesAndRetractionOnceEachAcrossARestartButNothingForABodyEdit() throws Exception {
        String category = "Ikuti-" + UUID.randomUUID().toString().substring(0, 8);
        String article = UUID.randomUUID().toString();
        // Chunks of 2 for 3 subscribers: updates and retractions go through the chunked fan-out too.
        String[] properties = {"kabar.notifications.fan-out-chunk=2"};
        try (Receiver receiver = new Receiver()) {
            List<String> paths = List.of("/follow/a", "/follow/b", "/follow/c");
            String lastEventId;
            try (Instance first = Instance.start(brokers, properties)) {
                // Written once the instance has created the topics, as instances of the service would write them.
                List<String> subscribers = Kafka.subscriptions(
                        brokers, paths.stream().map(receiver::url).toList(), category);
                await().atMost(WAIT)
                        .until(() -> subscribers.stream()
                                .allMatch(id -> first.bean(SubscriptionView.class)
                                        .find(id)
                                        .isPresent()));
                try (SseClient stream = stream(first, category, null)) {
                    ArticleEvent published = Kafka.event(article, 1, ArticleEventType.PUBLISHED, category, true);
                    Kafka.publish(brokers, published);
                    await().atMost(WAIT)
                            .until(() -> paths.stream()
                                    .allMatch(p -> receiver.received(p).size() == 1));

                    // Subscribed after the alert: it was never sent the alert, so it gets none of what follows.
                    String late = Kafka.subscriptions(brokers, List.of(receiver.url("/follow/late")), category)
                            .getFirst();
                    await().atMost(WAIT)
                            .until(() -> first.bean(SubscriptionView.class)
                                    .find(late)
                                    .isPresent());

                    Kafka.publish(
                            brokers,
                            edit(
                                    published,
                                    2,
                                    a -> a.setBody(List.of("Paragraf yang diperbaiki."))
                                            .setTags(List.of("gempa", "cianjur"))),
                            edit(published, 3, a -> a.setTitle("Gempa M5,9 guncang " + category)));
                    await().atMost(WAIT)
                            .until(() -> paths.stream()
                                    .allMatch(p -> receiver.received(p).size() == 2));
                    await().atMost(WAIT).until(() -> stream.events().size() == 2);
                    assertThat(stream.events())
                            .extracting(SseClient.Event::name)
                            .containsExactly("alert.created", "alert.updated");
                    assertThat(body(stream.events().get(1).data()))
                            .containsEntry("type", "alert.updated")
                            .containsEntry("title", "Gempa M5,9 guncang " + category);
                    lastEventId = stream.events().get(1).id();
                }
            }

            // Another instance: the matcher's memory of what was sent comes back from news.alerted-articles.
            try (Instance second = Instance.start(brokers, properties)) {
                ArticleEvent published = Kafka.event(article, 1, ArticleEventType.PUBLISHED, category, true);
                Kafka.publish(
                        brokers,
                        edit(published, 3, a -> a.setTitle("Gempa M5,9 guncang " + category)), // re-sent
                        edit(
                                published,
                                4,
                                a -> a.setTitle("Gempa M5,9 guncang " + category)
                                        .setImageUrl("https://kabar.example/foto.jpg")),
                        unpublished(article, 5));
                await().atMost(WAIT)
                        .until(() -> paths.stream()
                                .allMatch(p -> receiver.received(p).size() == 3));
                try (SseClient resumed = stream(second, category, lastEventId)) {
                    await().atMost(WAIT).until(() -> resumed.events().size() == 1);
                    assertThat(resumed.events().getFirst().name()).isEqualTo("alert.retracted");
                }

                assertThat(alertsOf(article))
                        .extracting(BreakingAlert::getType, BreakingAlert::getArticleRevision)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple(AlertType.CREATED, 1L),
                                org.assertj.core.groups.Tuple.tuple(AlertType.UPDATED, 3L),
                                org.assertj.core.groups.Tuple.tuple(AlertType.RETRACTED, 5L));
                for (String path : paths) {
                    List<Receiver.Request> requests = receiver.received(path);
                    List<Map<String, Object>> bodies =
                            requests.stream().map(r -> body(r.body())).toList();
                    assertThat(bodies)
                            .extracting(b -> b.get("type"))
                            .containsExactly("alert.created", "alert.updated", "alert.retracted");
                    assertThat(bodies)
                            .extracting(b -> b.get("alertId"))
                            .containsOnly(bodies.getFirst().get("alertId"));
                    assertThat(requests).extracting(Receiver.Request::id).doesNotHaveDuplicates();
                    assertThat(bodies.get(1))
                            .containsEntry("title", "Gempa M5,9 guncang " + category)
                            .containsEntry("category", category)
                            .containsKey("changedAt");
                    assertThat(bodies.get(2))
                            .containsOnlyKeys("type", "alertId", "articleId", "changedAt")
                            .containsEntry("articleId", article);
                }
                assertThat(receiver.received("/follow/late")).isEmpty();
                // Exactly once on the log too: three deliveries per subscriber, none twice.
                List<AlertDelivery> deliveries =
                        TestBroker.readAll(Topics.ALERT_DELIVERIES.name(), new AvroDeserializer<>(AlertDelivery.class))
                                .stream()
                                .map(r -> r.value())
                                .filter(d -> d.getAlert().getArticleId().equals(article))
                                .toList();
                assertThat(deliveries).hasSize(3 * paths.size());
                assertThat(deliveries).extracting(AlertDelivery::getDeliveryId).doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void aTakedownRetractsTheAlertOnceAndATombstoneAloneRetractsItToo() throws Exception {
        String category = "Cabut-" + UUID.randomUUID().toString().substring(0, 8);
        String takenDown = UUID.randomUUID().toString();
        String deleted = UUID.randomUUID().toString();
        try (Receiver receiver = new Receiver();
                Instance instance = Instance.start(brokers)) {
            String subscriber = Kafka.subscriptions(brokers, List.of(receiver.url("/takedown")), category)
                    .getFirst();
            await().atMost(WAIT)
                    .until(() -> instance.bean(SubscriptionView.class)
                            .find(subscriber)
                            .isPresent());
            Kafka.publish(
                    brokers,
                    Kafka.event(takenDown, 1, ArticleEventType.PUBLISHED, category, true),
                    Kafka.event(deleted, 1, ArticleEventType.PUBLISHED, category, true));
            await().atMost(WAIT).until(() -> receiver.received("/takedown").size() == 2);

            // A takedown: an UNPUBLISHED event without content, then the tombstone.
            Kafka.publish(brokers, unpublished(takenDown, 2));
            tombstone(takenDown);
            tombstone(deleted);

            await().atMost(WAIT).until(() -> receiver.received("/takedown").size() == 4);
            assertThat(receiver.received("/takedown").stream().map(r -> body(r.body())))
                    .filteredOn(b -> "alert.retracted".equals(b.get("type")))
                    .extracting(b -> b.get("articleId"))
                    .containsExactlyInAnyOrder(takenDown, deleted);
            // The retraction, then the alert's own tombstone (null): compaction removes what the alert said. The
            // tombstone may follow the delivered retraction (the takedown's comes with the article's tombstone).
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(alertsOf(takenDown))
                        .extracting(FollowUpIT::typeOrTombstone)
                        .containsExactly(AlertType.CREATED, AlertType.RETRACTED, null);
                assertThat(alertsOf(takenDown).get(1).getTitle()).isEmpty();
                assertThat(alertsOf(deleted))
                        .extracting(FollowUpIT::typeOrTombstone)
                        .containsExactly(AlertType.CREATED, AlertType.RETRACTED, null);
            });
        }
    }

    private static SseClient stream(Instance instance, String category, String lastEventId) {
        String url = "http://127.0.0.1:" + instance.port() + "/api/alerts/stream?categories=" + category;
        // The feed answers 503 until it follows the topic.
        return await().atMost(WAIT).ignoreExceptions().until(() -> new SseClient(url, lastEventId), c -> true);
    }

    private static ArticleEvent edit(ArticleEvent event, long revision, UnaryOperator<Article.Builder> change) {
        Instant now = Instant.now();
        return ArticleEvent.newBuilder(event)
                .setEventId(UUID.randomUUID().toString())
                .setEventType(ArticleEventType.UPDATED)
                .setOccurredAt(now)
                .setArticle(change.apply(Article.newBuilder(event.getArticle())
                                .setRevision(revision)
                                .setUpdatedAt(now))
                        .build())
                .build();
    }

    /** What the takedown writes: the article's id and revision, and no content. */
    private static ArticleEvent unpublished(String article, long revision) {
        ArticleEvent event = Kafka.event(article, revision, ArticleEventType.UNPUBLISHED, "", false);
        return ArticleEvent.newBuilder(event)
                .setArticle(Article.newBuilder(event.getArticle())
                        .setTitle("")
                        .setSummary(null)
                        .setBody(List.of())
                        .setTags(List.of())
                        .setSlug("")
                        .setUrl("")
                        .build())
                .build();
    }

    private void tombstone(String article) throws Exception {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), article, null))
                    .get();
        }
    }

    private static AlertType typeOrTombstone(BreakingAlert alert) {
        return alert == null ? null : alert.getType();
    }

    private static List<BreakingAlert> alertsOf(String article) {
        return Kafka.records(Topics.BREAKING_ALERTS.name(), article, new AvroDeserializer<>(BreakingAlert.class))
                .stream()
                .map(r -> r.value())
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Object json) {
        return json instanceof byte[] bytes
                ? JSON.readValue(bytes, Map.class)
                : JSON.readValue((String) json, Map.class);
    }
}
