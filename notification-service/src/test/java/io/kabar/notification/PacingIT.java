package io.kabar.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kabar.schemas.AlertType;
import io.kabar.schemas.AlertUrgency;
import io.kabar.schemas.Article;
import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.ArticleEventType;
import io.kabar.testing.Http;
import io.kabar.testing.TestBroker;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Quiet hours, daily caps and digests on the real broker, with the pacing clock set to chosen local times: an alert
 * at 21:59 and at 22:00 in Asia/Jayapura and Asia/Jakarta, a cap reached, a critical alert bypassing both, held alerts
 * surviving a restart and released as one digest when the quiet night ends, a corrected article in it as it now reads,
 * a withdrawn article left out of it, neither follow-up sent on its own.
 */
class PacingIT {

    static final JsonMapper JSON = new JsonMapper();
    static final String CORRECTED_TITLE = "Koreksi: gempa M5,9, bukan M6,2";

    @Test
    void holdsAlertsInQuietHoursAndOverTheCapAndSendsThemAsOneDigestAfterTheNightEvenAcrossARestart() {
        String brokers = TestBroker.brokers();
        String category = "Pacing-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate day = LocalDate.now(PacedInstances.JAYAPURA);
        PacedInstances.setJayapura(day, "21:59");
        try (Receiver receiver = new Receiver()) {
            String night = "/pacing/jayapura-night";
            String capped = "/pacing/jakarta-capped";
            String nightId;
            String cappedId;
            String held = UUID.randomUUID().toString();
            String withdrawn = UUID.randomUUID().toString();
            String first = UUID.randomUUID().toString();
            String critical = UUID.randomUUID().toString();
            try (Instance before = PacedInstances.start(brokers)) {
                Http http = before.http();
                nightId = subscribe(http, receiver.url(night), category, quiet("Asia/Jayapura"), null);
                // 21:59 in Jayapura is 19:59 in Jakarta: no quiet hours there yet, only the cap of one a day.
                cappedId = subscribe(http, receiver.url(capped), category, quiet("Asia/Jakarta"), 1);

                Kafka.publish(brokers, breaking(first, 1, category, false));
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> !receiver.received(night).isEmpty()
                                && !receiver.received(capped).isEmpty());
                assertThat(articleIds(receiver, night)).containsExactly(first);
                assertThat(articleIds(receiver, capped)).containsExactly(first);

                PacedInstances.setJayapura(day, "22:00");
                Kafka.publish(brokers, breaking(held, 1, category, false), breaking(withdrawn, 1, category, false));
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> heldArticles(nightId).containsAll(List.of(held, withdrawn))
                                && heldArticles(cappedId).containsAll(List.of(held, withdrawn)));

                Kafka.publish(brokers, breaking(critical, 1, category, true));
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> articleIds(receiver, night).contains(critical)
                                && articleIds(receiver, capped).contains(critical));
                // Follow-ups of held alerts: the correction rewrites the held alert, the withdrawal takes it out of the
                // digest; neither is sent on its own.
                Kafka.publish(
                        brokers,
                        corrected(held, 2, category),
                        Kafka.event(withdrawn, 2, ArticleEventType.UNPUBLISHED, category, true));
            }

            try (Instance after = PacedInstances.start(brokers)) {
                // Jayapura's night ends at 06:00; in Jakarta it is 04:00 then, and the capped digest waits for 06:00
                // there (08:00 in Jayapura): midnight reset the cap inside Jakarta's quiet hours.
                PacedInstances.setJayapura(day.plusDays(1), "06:00");
                await().atMost(Duration.ofSeconds(60)).until(() -> digests(receiver, night) == 1);
                PacedInstances.setJayapura(day.plusDays(1), "08:00");
                await().atMost(Duration.ofSeconds(60)).until(() -> digests(receiver, capped) == 1);

                for (String path : List.of(night, capped)) {
                    Map<String, Object> digest = body(receiver.received(path).getLast());
                    assertThat(digest).containsEntry("type", "alert.digest");
                    assertThat(((List<Map<String, Object>>) digest.get("alerts")))
                            .extracting(a -> a.get("articleId"))
                            .containsExactly(held);
                    assertThat(((List<Map<String, Object>>) digest.get("alerts")).getFirst())
                            .containsEntry("type", "alert.created")
                            .containsEntry("title", CORRECTED_TITLE);
                    assertThat(digests(receiver, path)).isEqualTo(1);
                    assertThat(articleIds(receiver, path)).containsExactly(first, critical);
                }
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> heldArticles(nightId).isEmpty()
                                && heldArticles(cappedId).isEmpty());
            }
        }
    }

    @Test
    void refusesPacingItCannotKeepNamingTheField() {
        try (Instance instance = PacedInstances.start(TestBroker.brokers())) {
            Http http = instance.http();
            Map<String, Map<String, Object>> bad = Map.of(
                    "quietHours.zone", Map.of("quietHours", Map.of("from", "22:00", "to", "06:00", "zone", "WIT")),
                    "quietHours.to",
                            Map.of("quietHours", Map.of("from", "22:00", "to", "22:00", "zone", "Asia/Jakarta")),
                    "quietHours.from",
                            Map.of("quietHours", Map.of("from", "24:00", "to", "06:00", "zone", "Asia/Jakarta")),
                    "maxPerDay", Map.of("maxPerDay", 0),
                    "held", Map.of("maxPerDay", 3, "held", "later"));
            bad.forEach((field, pacing) -> {
                Map<String, Object> body = new HashMap<>(
                        Map.of("channel", "webhook", "url", "http://127.0.0.1:9/x", "categories", List.of("x")));
                body.putAll(pacing);
                Http.Answer answer = http.post("/api/subscriptions", body);
                assertThat(answer.status()).as(field).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(answer.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                assertThat(answer.body().toString()).as(field).contains(field);
            });
        }
    }

    private static Map<String, Object> quiet(String zone) {
        return Map.of("from", "22:00", "to", "06:00", "zone", zone);
    }

    private static String subscribe(
            Http http, String url, String category, Map<String, Object> quietHours, Integer maxPerDay) {
        Map<String, Object> body = new HashMap<>(
                Map.of("channel", "webhook", "url", url, "categories", List.of(category), "quietHours", quietHours));
        if (maxPerDay != null) {
            body.put("maxPerDay", maxPerDay);
        }
        Http.Answer created = PacedInstances.subscribe(http, body);
        assertThat(created.body()).containsEntry("quietHours", quietHours).containsEntry("held", "digest");
        return (String) created.get("id");
    }

    private static ArticleEvent breaking(String id, long revision, String category, boolean critical) {
        ArticleEvent event = Kafka.event(id, revision, ArticleEventType.PUBLISHED, category, true);
        return ArticleEvent.newBuilder(event)
                .setArticle(Article.newBuilder(event.getArticle())
                        .setAlertUrgency(critical ? AlertUrgency.CRITICAL : AlertUrgency.NORMAL)
                        .build())
                .build();
    }

    private static ArticleEvent corrected(String id, long revision, String category) {
        ArticleEvent event = Kafka.event(id, revision, ArticleEventType.UPDATED, category, true);
        return ArticleEvent.newBuilder(event)
                .setArticle(Article.newBuilder(event.getArticle())
                        .setTitle(CORRECTED_TITLE)
                        .build())
                .build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Receiver.Request request) {
        return JSON.readValue(request.body(), Map.class);
    }

    /** The articles of the single alerts received (digests aside). */
    private static List<Object> articleIds(Receiver receiver, String path) {
        return receiver.received(path).stream()
                .map(PacingIT::body)
                .filter(b -> !"alert.digest".equals(b.get("type")))
                .map(b -> b.get("articleId"))
                .toList();
    }

    private static long digests(Receiver receiver, String path) {
        // Distinct webhook-ids: a receiver may see one delivery twice (at least once), never two digests.
        return receiver.received(path).stream()
                .filter(r -> "alert.digest".equals(body(r).get("type")))
                .map(Receiver.Request::id)
                .distinct()
                .count();
    }

    /**
     * The articles held for the subscription's digest, as its latest record on news.held-alerts says (not those
     * withdrawn meanwhile, which the record remembers as retracted).
     */
    private static List<String> heldArticles(String subscriptionId) {
        return PacedInstances.heldArticles(subscriptionId, a -> a.getType() != AlertType.RETRACTED);
    }
}
