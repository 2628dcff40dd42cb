package io.kabar.notification.subscriptions;

import io.kabar.platform.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * Creates subscriptions, honouring Idempotency-Key: a retried request answers the subscription, secret and token of
 * the first one, so that a client whose first answer was lost does not leave an orphan subscription behind.
 */
final class SubscriptionCreator {

    private final SubscriptionStore store;
    private final SubscriptionView view;
    private final RequestLedger ledger;
    private final Credentials credentials;
    private final Clock clock;

    SubscriptionCreator(
            SubscriptionStore store,
            SubscriptionView view,
            RequestLedger ledger,
            Credentials credentials,
            Clock clock) {
        this.store = store;
        this.view = view;
        this.ledger = ledger;
        this.credentials = credentials;
        this.clock = clock;
    }

    /** A subscription as created, its credentials in clear (for this answer only), and whether it is a replay. */
    record Created(Subscription subscription, Credentials.Issued credentials, boolean replayed) {}

    Created create(SubscriptionRequest request, String idempotencyKey) {
        if (idempotencyKey == null) {
            Credentials.Issued issued = credentials.random();
            Subscription subscription = request.toSubscription(UUID.randomUUID().toString(), issued, now());
            store.create(subscription, Optional.empty());
            return new Created(subscription, issued, false);
        }
        String fingerprint = request.fingerprint();
        Optional<Created> earlier = replay(request, idempotencyKey, fingerprint);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (!ledger.claim(idempotencyKey)) {
            throw ApiProblem.status(
                    HttpStatus.CONFLICT,
                    "Request in progress",
                    "A request with this Idempotency-Key is still being processed; retry shortly.");
        }
        try {
            return replay(request, idempotencyKey, fingerprint).orElseGet(() -> {
                Credentials.Issued issued = credentials.derived(idempotencyKey);
                Instant at = now();
                Subscription subscription =
                        request.toSubscription(UUID.randomUUID().toString(), issued, at);
                store.create(
                        subscription,
                        Optional.of(new RequestLedger.Completed(idempotencyKey, fingerprint, subscription.id(), at)));
                return new Created(subscription, issued, false);
            });
        } finally {
            ledger.release(idempotencyKey);
        }
    }

    private Optional<Created> replay(SubscriptionRequest request, String key, String fingerprint) {
        return ledger.find(key).map(done -> {
            if (!done.fingerprint().equals(fingerprint)) {
                throw ApiProblem.status(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "Idempotency-Key reused",
                        "This Idempotency-Key was used for a different request.");
            }
            Credentials.Issued issued = credentials.derived(key);
            boolean keyChanged = view.find(done.subscriptionId())
                    .map(s -> !issued.tokenHash().equals(s.managementTokenHash()))
                    .orElse(false);
            if (keyChanged) {
                // The request key was rotated (or is random per start): the first answer cannot be derived again.
                throw ApiProblem.status(
                        HttpStatus.CONFLICT,
                        "Idempotency-Key expired",
                        "The first answer to this Idempotency-Key can no longer be repeated; subscribe with a new key.");
            }
            // Same fingerprint, so the same request: its answer is the request's content with the recorded id.
            return new Created(request.toSubscription(done.subscriptionId(), issued, done.at()), issued, true);
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
