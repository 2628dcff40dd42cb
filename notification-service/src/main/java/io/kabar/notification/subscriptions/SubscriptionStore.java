package io.kabar.notification.subscriptions;

import io.kabar.schemas.SubscriptionRequestCompleted;
import io.kabar.schemas.topics.Topics;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Creates, deletes and deactivates subscriptions by writing them to {@code news.subscriptions} (a creation with an
 * Idempotency-Key together with its {@code news.subscription-requests} record, in one transaction); each write is
 * shown in the local view as soon as the broker acknowledges it, so that a read right after a write sees it. Signing
 * secrets are written encrypted (see {@link SecretCipher}).
 */
public final class SubscriptionStore implements DisposableBean {

    private static final int REENCRYPT_CHUNK = 500;

    private final DefaultKafkaProducerFactory<String, Object> producers;
    private final KafkaTemplate<String, Object> template;
    private final SubscriptionView view;
    private final RequestLedger ledger;
    private final SubscriptionRecords records;
    private final String currentKeyId;
    private final Clock clock;

    /** {@code producers} must be transactional; their timeouts bound how long a write may wait for the broker. */
    SubscriptionStore(
            DefaultKafkaProducerFactory<String, Object> producers,
            SubscriptionView view,
            RequestLedger ledger,
            SecretCipher cipher,
            Clock clock) {
        this.producers = producers;
        this.template = new KafkaTemplate<>(producers);
        this.view = view;
        this.ledger = ledger;
        this.records = new SubscriptionRecords(cipher);
        this.currentKeyId = cipher.currentKeyId();
        this.clock = clock;
    }

    @Override
    public void destroy() {
        producers.destroy();
    }

    /** Writes a new subscription, and the keyed request that created it, if any, in the same transaction. */
    void create(Subscription subscription, Optional<RequestLedger.Completed> request) {
        write(subscription.id(), Optional.of(subscription), request);
        request.ifPresent(ledger::record);
    }

    /** Deletes with a tombstone; false when there was no such subscription. */
    boolean delete(String id) {
        if (view.find(id).isEmpty()) {
            return false;
        }
        write(id, Optional.empty(), Optional.empty());
        return true;
    }

    /** Stops alerts to a subscription whose target asked for it; nothing when it is gone or already inactive. */
    public void deactivate(String id, String reason) {
        view.find(id)
                .filter(Subscription::active)
                .ifPresent(s -> write(id, Optional.of(s.deactivated(clock.instant(), reason)), Optional.empty()));
    }

    /**
     * Writes every subscription whose secret is not yet under the current key again, encrypted under it (those in
     * clear from before encryption included); answers how many. Afterwards no live record needs an older key.
     */
    int reencrypt() {
        List<Subscription> stale = view.all().stream()
                .filter(s -> !currentKeyId.equals(s.secretKeyId()))
                .toList();
        // A transaction per chunk, not per subscription: a rotation over a national list must take seconds.
        for (int from = 0; from < stale.size(); from += REENCRYPT_CHUNK) {
            List<Subscription> chunk = stale.subList(from, Math.min(stale.size(), from + REENCRYPT_CHUNK));
            write(
                    chunk.stream()
                            .map(sub -> Map.entry(sub.id(), Optional.of(sub)))
                            .toList(),
                    Optional.empty());
        }
        return stale.size();
    }

    private void write(String id, Optional<Subscription> plain, Optional<RequestLedger.Completed> request) {
        write(List.of(Map.entry(id, plain)), request);
    }

    private void write(
            List<Map.Entry<String, Optional<Subscription>>> plain, Optional<RequestLedger.Completed> request) {
        // Every write encrypts under the current key, so edits move subscriptions onto it as well.
        List<Map.Entry<String, Optional<Subscription>>> values = plain.stream()
                .map(e -> Map.entry(e.getKey(), e.getValue().map(s -> s.encryptedUnder(currentKeyId))))
                .toList();
        values.forEach(e -> view.pin(e.getKey(), e.getValue()));
        try {
            template.executeInTransaction(operations -> {
                values.forEach(e -> operations.send(
                        Topics.SUBSCRIPTIONS.name(),
                        e.getKey(),
                        e.getValue().map(records::toAvro).orElse(null)));
                request.ifPresent(r -> operations.send(
                        Topics.SUBSCRIPTION_REQUESTS.name(),
                        r.key(),
                        SubscriptionRequestCompleted.newBuilder()
                                .setIdempotencyKey(r.key())
                                .setRequestFingerprint(r.fingerprint())
                                .setSubscriptionId(r.subscriptionId())
                                .setCompletedAt(r.at())
                                .build()));
                return null;
            });
        } catch (RuntimeException e) {
            values.forEach(v -> view.unpin(v.getKey(), v.getValue()));
            throw new Unavailable(
                    "the broker did not acknowledge subscription "
                            + values.get(0).getKey() + ": " + e.getMessage(),
                    e);
        }
        values.forEach(e -> view.written(e.getKey(), e.getValue()));
    }

    /** The broker did not take the write in time; nothing has been recorded. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
