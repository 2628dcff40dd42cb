package io.kabar.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.kabar.notification.alerts.Alert;
import io.kabar.notification.alerts.Delivery;
import io.kabar.notification.alerts.Interests;
import io.kabar.notification.subscriptions.Pacing;
import io.kabar.notification.subscriptions.Subscription;
import io.kabar.notification.subscriptions.SubscriptionView;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class WebhookDispatcherTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);
    static final Alert ALERT = new Alert(
            "a1",
            "art1",
            1,
            "Judul",
            null,
            "https://kabar.example/x",
            "Nasional",
            List.of(),
            CLOCK.instant(),
            CLOCK.instant(),
            false);
    static final Subscription SUBSCRIPTION = new Subscription(
            "s1",
            Subscription.Channel.WEBHOOK,
            "https://hooks.example/x",
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            Interests.everything(),
            true,
            true,
            CLOCK.instant(),
            null,
            null,
            null,
            null,
            Pacing.NONE);

    @Test
    void signsTheRequestWithTheDeliveryIdAndTheSubscriptionSecret() {
        WebhookSender.Request[] sent = new WebhookSender.Request[1];
        Outcome outcome = dispatcher(request -> {
                    sent[0] = request;
                    return CompletableFuture.completedFuture(new WebhookSender.Response(204, Optional.empty()));
                })
                .attempt(Delivery.first(ALERT, "s1"), () -> {})
                .join();

        assertThat(outcome).isInstanceOf(Outcome.Delivered.class);
        String id = Delivery.first(ALERT, "s1").deliveryId();
        assertThat(sent[0].headers())
                .containsEntry("webhook-id", id)
                .containsEntry("webhook-timestamp", "1714557600")
                .containsEntry(
                        "webhook-signature", WebhookSigner.sign(SUBSCRIPTION.secret(), id, 1714557600, sent[0].body()));
    }

    @Test
    void classifiesAnswers() {
        assertThat(answer(503)).isInstanceOf(Outcome.Failed.class);
        assertThat(answer(429)).isInstanceOf(Outcome.Failed.class);
        assertThat(answer(410)).isInstanceOf(Outcome.Gone.class);
        assertThat(answer(400)).isInstanceOf(Outcome.Rejected.class);
        assertThat(answer(301)).isInstanceOf(Outcome.Rejected.class);
        assertThat(dispatcher(r -> CompletableFuture.failedFuture(new ConnectException("refused")))
                        .attempt(Delivery.first(ALERT, "s1"), () -> {})
                        .join())
                .isInstanceOf(Outcome.Failed.class);
    }

    @Test
    void skipsADeletedSubscriptionAndRetriesOneNotKnownYet() {
        WebhookDispatcher dispatcher = dispatcher(r -> {
            throw new AssertionError("must not send");
        });

        assertThat(dispatcher.attempt(Delivery.first(ALERT, "gone"), () -> {}).join())
                .isInstanceOf(Outcome.Skipped.class);
        assertThat(dispatcher
                        .attempt(Delivery.first(ALERT, "not-yet"), () -> {})
                        .join())
                .isInstanceOf(Outcome.Failed.class);
    }

    private static Outcome answer(int status) {
        return dispatcher(r -> CompletableFuture.completedFuture(new WebhookSender.Response(status, Optional.empty())))
                .attempt(Delivery.first(ALERT, "s1"), () -> {})
                .join();
    }

    private static WebhookDispatcher dispatcher(WebhookSender sender) {
        SubscriptionView view = mock(SubscriptionView.class);
        when(view.find("s1")).thenReturn(Optional.of(SUBSCRIPTION));
        when(view.find("gone")).thenReturn(Optional.empty());
        when(view.wasDeleted("gone")).thenReturn(true);
        when(view.find("not-yet")).thenReturn(Optional.empty());
        return new WebhookDispatcher(sender, view, CLOCK);
    }
}
