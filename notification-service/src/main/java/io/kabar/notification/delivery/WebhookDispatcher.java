package io.kabar.notification.delivery;

import io.kabar.notification.alerts.Delivery;
import io.kabar.notification.alerts.DigestJson;
import io.kabar.notification.subscriptions.Subscription;
import io.kabar.notification.subscriptions.SubscriptionView;
import io.kabar.notification.targets.TargetPolicy;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.json.JsonMapper;

/** Makes one attempt of a delivery: signs the alert with the subscription's secret, posts it and classifies the answer. */
final class WebhookDispatcher {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookSender sender;
    private final SubscriptionView subscriptions;
    private final Clock clock;

    WebhookDispatcher(WebhookSender sender, SubscriptionView subscriptions, Clock clock) {
        this.sender = sender;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    /** {@code sending} runs when the request leaves for the receiver; never if the attempt ends before that. */
    CompletableFuture<Outcome> attempt(Delivery delivery, Runnable sending) {
        Subscription subscription =
                subscriptions.find(delivery.subscriptionId()).orElse(null);
        if (subscription == null) {
            // Not in the view is not deleted: it may have been created on another instance a moment ago.
            return CompletableFuture.completedFuture(
                    subscriptions.wasDeleted(delivery.subscriptionId())
                            ? new Outcome.Skipped("subscription deleted")
                            : new Outcome.Failed("subscription not known to this instance yet", Optional.empty()));
        }
        if (!subscription.active()) {
            return CompletableFuture.completedFuture(new Outcome.Skipped("subscription inactive"));
        }
        byte[] body = JSON.writeValueAsBytes(
                delivery.isDigest() ? DigestJson.of(delivery) : delivery.alert().json());
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = Map.of(
                "webhook-id", delivery.deliveryId(),
                "webhook-timestamp", String.valueOf(timestamp),
                "webhook-signature", WebhookSigner.sign(subscription.secret(), delivery.deliveryId(), timestamp, body));
        CompletableFuture<WebhookSender.Response> sent;
        try {
            sent = sender.send(new WebhookSender.Request(URI.create(subscription.target()), headers, body, sending));
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<WebhookSender.Response> request = sent;
        CompletableFuture<Outcome> outcome =
                sent.handle((response, failure) -> failure == null ? classify(response) : unreachable(failure));
        // Cancelling the outcome (a batch abandoning a slow delivery) cancels the request itself.
        outcome.whenComplete((o, e) -> {
            if (outcome.isCancelled()) {
                request.cancel(true);
            }
        });
        return outcome;
    }

    private static Outcome classify(WebhookSender.Response response) {
        int status = response.status();
        if (status >= 200 && status < 300) {
            return new Outcome.Delivered();
        }
        if (status == 410) {
            return new Outcome.Gone();
        }
        if (status == 429 || status >= 500) {
            return new Outcome.Failed("HTTP " + status, response.retryAfter());
        }
        return new Outcome.Rejected("HTTP " + status);
    }

    private static Outcome unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HostLanes.HostUnavailable unavailable) {
                return new Outcome.Failed(unavailable.getMessage(), Optional.empty());
            }
            if (cause instanceof TargetPolicy.Refused refused) {
                return new Outcome.Rejected("target refused when connecting: " + refused.getMessage());
            }
            if (cause instanceof InterruptedIOException || cause instanceof TimeoutException) {
                return new Outcome.Failed("timed out", Optional.empty());
            }
        }
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return new Outcome.Failed("no connection: " + cause, Optional.empty());
    }
}
