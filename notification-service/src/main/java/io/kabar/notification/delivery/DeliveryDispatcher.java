package io.kabar.notification.delivery;

import io.kabar.notification.alerts.Delivery;
import io.kabar.notification.subscriptions.Subscription;
import io.kabar.notification.subscriptions.SubscriptionView;
import io.kabar.notification.targets.TargetPolicy;
import java.io.InterruptedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * Makes one attempt of a delivery: has the subscription's channel build the request (signed webhook, encrypted web
 * push), sends it through the shared sender and has the channel classify the answer.
 */
final class DeliveryDispatcher {

    private final WebhookSender sender;
    private final SubscriptionView subscriptions;
    private final Map<Subscription.Channel, DeliveryChannel> channels;

    DeliveryDispatcher(
            WebhookSender sender, SubscriptionView subscriptions, Map<Subscription.Channel, DeliveryChannel> channels) {
        this.sender = sender;
        this.subscriptions = subscriptions;
        this.channels = Map.copyOf(channels);
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
        DeliveryChannel channel = channels.get(subscription.channel());
        if (channel == null) {
            return CompletableFuture.completedFuture(
                    new Outcome.Rejected("channel " + subscription.channel() + " is not offered"));
        }
        WebhookSender.Request built;
        try {
            built = channel.request(subscription, delivery, sending);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(
                    new Outcome.Rejected("cannot make the request: " + e.getMessage()));
        }
        CompletableFuture<WebhookSender.Response> sent;
        try {
            sent = sender.send(built);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<WebhookSender.Response> request = sent;
        CompletableFuture<Outcome> outcome =
                sent.handle((response, failure) -> failure == null ? channel.outcome(response) : unreachable(failure));
        // Cancelling the outcome (a batch abandoning a slow delivery) cancels the request itself.
        outcome.whenComplete((o, e) -> {
            if (outcome.isCancelled()) {
                request.cancel(true);
            }
        });
        return outcome;
    }

    private static Outcome unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HostLanes.CircuitOpen open) {
                return new Outcome.NotSent(open.getMessage(), open.until());
            }
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
