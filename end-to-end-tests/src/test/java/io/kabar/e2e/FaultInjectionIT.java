package io.kabar.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.kabar.schemas.topics.Topics;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fault-injection suite: one stack (a broker of its own and the four service jars in their own JVMs) is broken in
 * turn by a broker crash under publish load, a SIGKILL of each consumer service in the middle of its work, poison
 * records on every consumed topic and generated malformed HTTP requests; each scenario asserts counts (nothing
 * acknowledged lost, no 5xx) and prints its figures (see {@link ReliabilityFigures}; docs/reliability.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionIT {

    private final ReliabilityFigures figures = new ReliabilityFigures();
    private FaultStack stack;

    @BeforeAll
    void startTheStack() throws IOException {
        stack = FaultStack.start();
    }

    @AfterAll
    void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
        System.out.println("[reliability] figures of this run (" + ReliabilityFigures.FILE + "):\n" + figures.table());
    }

    @Test
    @Order(1)
    void noAcknowledgedArticleIsLostNorPublishedTwiceWhenTheBrokerCrashesUnderPublishLoad() throws Exception {
        BrokerRestartScenario.Outcome outcome = BrokerRestartScenario.run(stack);

        figures.add(new ReliabilityFigures.Row(
                "(a) broker crash under publish load",
                "SIGKILL of the broker after a third of " + BrokerRestartScenario.ARTICLES
                        + " POSTs (4 clients, retrying with their Idempotency-Key), restart on the same log after "
                        + ReliabilityFigures.seconds(outcome.down()) + "; refused meanwhile: " + outcome.refused(),
                outcome.acknowledged() + " articles (201)",
                outcome.lost().size(),
                outcome.duplicated() + " (exactly once per Idempotency-Key)",
                null,
                outcome.recovery()));
        assertThat(outcome.acknowledged()).isEqualTo(BrokerRestartScenario.ARTICLES);
        assertThat(outcome.lost())
                .as("acknowledged articles missing from news.articles")
                .isEmpty();
        assertThat(outcome.duplicated())
                .as("articles published twice for one Idempotency-Key")
                .isZero();
        assertThat(outcome.refused().keySet())
                .as("answers while the broker was down")
                .allMatch(status -> status == -1 || status == 503);
    }

    /**
     * The three kills run at the same time, each on its own service and its own articles, so that the suite waits for
     * one round of JVM restarts instead of three.
     */
    @Test
    @Order(2)
    void noOutputIsLostWhenEachConsumerServiceIsKilledInTheMiddleOfItsWork() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        try (ExecutorService scenarios = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<ConsumerKillScenarios.Outcome> related =
                    scenarios.submit(() -> ConsumerKillScenarios.relatedLinks(stack));
            Future<WebhookKillScenario.Outcome> webhooks = scenarios.submit(() -> WebhookKillScenario.run(stack));
            Future<ConsumerKillScenarios.Outcome> trending =
                    scenarios.submit(() -> ConsumerKillScenarios.trending(stack));
            relatedListsSurvive(related.get(), softly);
            everySubscriberIsAlertedOnce(webhooks.get(), softly);
            everyAcknowledgedViewIsCountedOnce(trending.get(), softly);
        }
        softly.assertAll();
    }

    private void relatedListsSurvive(ConsumerKillScenarios.Outcome outcome, SoftAssertions softly) {
        figures.add(killRow(
                "(b) kill related-links-service",
                ConsumerKillScenarios.RELATED_ARTICLES + " similar articles published; lists at the kill",
                outcome,
                "related lists",
                outcome.duplicates() + " lists recomputed identical (at least once, harmless: compacted)"));
        softly.assertThat(outcome.lost())
                .as("published articles without a related list")
                .isZero();
    }

    private void everySubscriberIsAlertedOnce(WebhookKillScenario.Outcome outcome, SoftAssertions softly) {
        figures.add(new ReliabilityFigures.Row(
                "(b) kill notification-service",
                "SIGKILL during the webhook fan-out of " + WebhookKillScenario.STORIES + " breaking stories to "
                        + WebhookKillScenario.SUBSCRIBERS + " subscribers (" + outcome.atKill() + " of "
                        + outcome.expected() + " delivered at the kill); restarted, ready after "
                        + ReliabilityFigures.seconds(outcome.ready()),
                outcome.expected() + " deliveries (subscriber × story)",
                outcome.lost(),
                outcome.redelivered() + " redelivered with the same webhook-id (at least once); "
                        + outcome.doubleAlerts() + " alerts with a second webhook-id; " + outcome.alertRecords()
                        + " alert records for " + WebhookKillScenario.STORIES + " stories (exactly once)",
                null,
                outcome.complete()));
        softly.assertThat(outcome.lost())
                .as("subscriber and story pairs never delivered")
                .isZero();
        softly.assertThat(outcome.doubleAlerts())
                .as("pairs alerted under two webhook-ids")
                .isZero();
        softly.assertThat(outcome.alertRecords()).as("breaking alerts recorded").isEqualTo(WebhookKillScenario.STORIES);
    }

    private void everyAcknowledgedViewIsCountedOnce(ConsumerKillScenarios.Outcome outcome, SoftAssertions softly) {
        figures.add(killRow(
                "(b) kill trending-service",
                outcome.expected() + " page views (" + ConsumerKillScenarios.TRENDING_ARTICLES
                        + " articles) acknowledged; counted in news.trending at the kill",
                outcome,
                "views (202)",
                outcome.duplicates() + " views counted twice (exactly once)"));
        softly.assertThat(outcome.lost()).as("acknowledged views not counted").isZero();
        softly.assertThat(outcome.duplicates()).as("views counted twice").isZero();
    }

    @Test
    @Order(5)
    void everyServiceCarriesOnPastPoisonRecordsAndDeadLettersThem() throws Exception {
        PoisonScenario.Outcome outcome = PoisonScenario.run(stack);

        List<PoisonScenario.Injected> required = outcome.injected().stream()
                .filter(PoisonScenario::mustBeDeadLettered)
                .toList();
        long newerDeadLettered = outcome.deadLettered().stream()
                .filter(i -> i.kind().equals("newer schema"))
                .count();
        figures.add(new ReliabilityFigures.Row(
                "(c) poison records",
                outcome.injected().size() + " records on the " + Topics.all().size()
                        + " topics: random bytes, another contract, a null value on each; the next (unknown) "
                        + "schema version of ArticleEvent and PageView. Then a good breaking article, a subscriber "
                        + "and views. Dead-lettered: " + outcome.deadLettered().size() + " of the injected ("
                        + outcome.deadLetters() + " dead letters, one per consumer group or app), of them "
                        + newerDeadLettered + " newer-schema; carried on: " + outcome.carriedOn(),
                "the good records after the poison",
                outcome.carriedOn().values().stream().filter(ok -> !ok).count(),
                "—",
                null,
                outcome.complete()));
        assertThat(outcome.carriedOn())
                .as("good records processed after the poison")
                .doesNotContainValue(false);
        assertThat(outcome.deadLettered())
                .as("garbage and other contracts on group and Streams topics, dead-lettered")
                .containsAll(required);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {FaultStack.ARTICLES, FaultStack.RELATED, FaultStack.NOTIFICATIONS, FaultStack.TRENDING})
    @Order(6)
    void noGeneratedMalformedRequestGetsA5xx(String module) throws Exception {
        long seed = Long.getLong("kabar.fuzz.seed", System.nanoTime());
        List<String> ids = stack.http(FaultStack.ARTICLES).get("/api/articles?limit=5").pluck("articles", "id").stream()
                .map(String.class::cast)
                .toList();

        HttpFuzz.Outcome outcome = HttpFuzz.run(stack.port(module), module, seed, ids);

        figures.add(new ReliabilityFigures.Row(
                "(d) fuzz " + module,
                outcome.requests() + " generated malformed requests over "
                        + HttpFuzz.ENDPOINTS.get(module).size() + " endpoints (seed " + seed + "); answers by status: "
                        + outcome.statuses(),
                "—",
                0,
                "—",
                outcome.fiveHundreds(),
                null));
        assertThat(outcome.serverErrors())
                .as("5xx answers (replay with -Dkabar.fuzz.seed=" + seed + ")")
                .isEmpty();
    }

    private static ReliabilityFigures.Row killRow(
            String scenario, String work, ConsumerKillScenarios.Outcome outcome, String unit, String duplicates) {
        return new ReliabilityFigures.Row(
                scenario,
                "SIGKILL mid-work: " + work + ": " + outcome.atKill() + " of " + outcome.expected()
                        + "; restarted, ready after " + ReliabilityFigures.seconds(outcome.ready()),
                outcome.expected() + " " + unit,
                outcome.lost(),
                duplicates,
                null,
                outcome.complete());
    }
}
