package io.kabar.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kabar.notification.pacing.PacingClock;
import io.kabar.schemas.BreakingAlert;
import io.kabar.schemas.HeldAlerts;
import io.kabar.schemas.serde.AvroDeserializer;
import io.kabar.schemas.topics.Topics;
import io.kabar.testing.Http;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * The pacing tests' fixture: instances whose pacing clock reads a time of day the test sets in Asia/Jayapura, paced
 * subscriptions created through the API, and what {@code news.held-alerts} holds for them.
 */
public final class PacedInstances {

    public static final ZoneId JAYAPURA = ZoneId.of("Asia/Jayapura");

    /** One clock for every instance started here; the pacing tests run one at a time and each sets it first. */
    private static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.now());

    private PacedInstances() {}

    /** The pacing clock of the instances started here: whatever {@link #NOW} says. */
    @Configuration(proxyBeanMethods = false)
    static class SetPacingClock {
        @Bean
        PacingClock pacingClock() {
            return NOW::get;
        }
    }

    /** Sets the pacing clock of every instance started here to {@code time} of {@code day} in Jayapura. */
    public static void setJayapura(LocalDate day, String time) {
        NOW.set(day.atTime(LocalTime.parse(time)).atZone(JAYAPURA).toInstant());
    }

    /** An instance on the pacing clock that looks for digests to release every 200 ms, once it is ready. */
    public static Instance start(String brokers) {
        Instance instance = Instance.startWith(
                List.of(SetPacingClock.class), brokers, "kabar.notifications.pacing.release-every=200ms");
        await().atMost(Duration.ofSeconds(120))
                .until(() ->
                        instance.management().get("/actuator/health/readiness").status() == HttpStatus.OK);
        return instance;
    }

    /** Subscribes with {@code body}; asserts the 201 and answers it. */
    public static Http.Answer subscribe(Http http, Map<String, Object> body) {
        // A loaded machine's fresh broker may not acknowledge the first writes in time (503): the same key retries.
        String key = UUID.randomUUID().toString();
        AtomicReference<Http.Answer> answer = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            answer.set(http.post("/api/subscriptions", body, h -> h.set("Idempotency-Key", key)));
            return answer.get().status() != HttpStatus.SERVICE_UNAVAILABLE;
        });
        assertThat(answer.get().status()).isEqualTo(HttpStatus.CREATED);
        return answer.get();
    }

    /** The articles of the subscription's latest record on news.held-alerts whose held entry passes {@code which}. */
    public static List<String> heldArticles(String subscriptionId, Predicate<BreakingAlert> which) {
        List<ConsumerRecord<String, HeldAlerts>> records =
                Kafka.records(Topics.HELD_ALERTS.name(), subscriptionId, new AvroDeserializer<>(HeldAlerts.class));
        if (records.isEmpty() || records.getLast().value() == null) {
            return List.of();
        }
        return records.getLast().value().getAlerts().stream()
                .filter(which)
                .map(BreakingAlert::getArticleId)
                .toList();
    }
}
