package io.kabar.notification.subscriptions;

import io.kabar.notification.alerts.Interests;
import io.kabar.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Creates, deletes and deactivates subscriptions by writing them to {@code news.subscriptions}; each write is shown
 * in the local view as soon as the broker acknowledges it, so that a read right after a write sees it.
 */
public final class SubscriptionStore implements DisposableBean {

    private static final int SECRET_BYTES = 32;

    private final DefaultKafkaProducerFactory<String, io.kabar.schemas.Subscription> producers;
    private final KafkaTemplate<String, io.kabar.schemas.Subscription> template;
    private final SubscriptionView view;
    private final Clock clock;
    private final RandomGenerator random;
    private final Duration timeout;

    SubscriptionStore(
            DefaultKafkaProducerFactory<String, io.kabar.schemas.Subscription> producers,
            SubscriptionView view,
            Clock clock,
            RandomGenerator random,
            Duration timeout) {
        this.producers = producers;
        this.template = new KafkaTemplate<>(producers);
        this.view = view;
        this.clock = clock;
        this.random = random;
        this.timeout = timeout;
    }

    @Override
    public void destroy() {
        producers.destroy();
    }

    Subscription create(Subscription.Channel channel, String target, Interests interests, boolean breakingOnly) {
        Subscription subscription = new Subscription(
                UUID.randomUUID().toString(),
                channel,
                target,
                newSecret(),
                interests,
                breakingOnly,
                true,
                clock.instant(),
                null,
                null);
        write(subscription.id(), Optional.of(subscription));
        return subscription;
    }

    /** Deletes with a tombstone; false when there was no such subscription. */
    boolean delete(String id) {
        if (view.find(id).isEmpty()) {
            return false;
        }
        write(id, Optional.empty());
        return true;
    }

    /** Stops alerts to a subscription whose target asked for it; nothing when it is gone or already inactive. */
    public void deactivate(String id, String reason) {
        view.find(id)
                .filter(Subscription::active)
                .ifPresent(s -> write(id, Optional.of(s.deactivated(clock.instant(), reason))));
    }

    private String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return "whsec_" + Base64.getEncoder().encodeToString(bytes);
    }

    private void write(String id, Optional<Subscription> value) {
        view.pin(id, value);
        try {
            template.send(
                            Topics.SUBSCRIPTIONS.name(),
                            id,
                            value.map(SubscriptionRecords::toAvro).orElse(null))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            view.unpin(id, value);
            throw new Unavailable("interrupted while writing subscription " + id, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            view.unpin(id, value);
            throw new Unavailable("the broker did not acknowledge subscription " + id + ": " + e.getMessage(), e);
        }
        view.written(id, value);
    }

    /** The broker did not take the write in time; nothing may have been recorded. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
