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
import io.kabar.notification.webpush.PushEncryption;
import io.kabar.notification.webpush.PushKeys;
import io.kabar.notification.webpush.Vapid;
import io.kabar.notification.webpush.WebPush;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DeliveryDispatcherTest {

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

    static final KeyPair VAPID = vapid();
    static final WebPush WEB_PUSH = new WebPush(
            Optional.of(new Vapid(
                    (ECPublicKey) VAPID.getPublic(),
                    (ECPrivateKey) VAPID.getPrivate(),
                    "mailto:ops@kabar.example",
                    CLOCK)),
            new PushEncryption(),
            Duration.ofHours(6));
    static final Subscription PUSH_SUBSCRIPTION = new Subscription(
            "p1",
            Subscription.Channel.WEBPUSH,
            "https://push.example/send/abc",
            new PushKeys(
                            "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4",
                            "BTBZMqHH6r4Tts7J_aSIgg")
                    .encoded(),
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
    void sendsWebPushEncryptedWithVapidTtlUrgencyAndTheArticlesTopic() {
        WebhookSender.Request[] sent = new WebhookSender.Request[1];
        Outcome outcome = dispatcher(request -> {
                    sent[0] = request;
                    return CompletableFuture.completedFuture(new WebhookSender.Response(201, Optional.empty()));
                })
                .attempt(Delivery.first(ALERT, "p1"), () -> {})
                .join();

        assertThat(outcome).isInstanceOf(Outcome.Delivered.class);
        assertThat(sent[0].target()).hasToString("https://push.example/send/abc");
        assertThat(sent[0].contentType()).isEqualTo("application/octet-stream");
        assertThat(sent[0].headers())
                .containsEntry("Content-Encoding", "aes128gcm")
                .containsEntry("TTL", "21600")
                .containsEntry("Urgency", "high")
                .containsKey("Topic")
                .hasEntrySatisfying(
                        "Authorization",
                        a -> assertThat(a).startsWith("vapid t=").contains(", k="));
        assertThat(new String(sent[0].body(), StandardCharsets.ISO_8859_1)).doesNotContain("Judul");
    }

    @Test
    void aPushServicesNotFoundAndGoneDeactivateAndTooLargeIsDeadLetteredWithTheReason() {
        assertThat(pushAnswer(404)).isInstanceOf(Outcome.Gone.class);
        assertThat(pushAnswer(410)).isInstanceOf(Outcome.Gone.class);
        assertThat(pushAnswer(413))
                .isEqualTo(new Outcome.Rejected("HTTP 413: the push service refused the encrypted alert as too large"));
        assertThat(pushAnswer(429)).isInstanceOf(Outcome.Failed.class);
        assertThat(pushAnswer(502)).isInstanceOf(Outcome.Failed.class);
        assertThat(pushAnswer(400)).isInstanceOf(Outcome.Rejected.class);
    }

    @Test
    void aWebhooksNotFoundIsRejectedNotTakenForGone() {
        assertThat(answer(404)).isInstanceOf(Outcome.Rejected.class);
    }

    private static Outcome pushAnswer(int status) {
        return dispatcher(r -> CompletableFuture.completedFuture(new WebhookSender.Response(status, Optional.empty())))
                .attempt(Delivery.first(ALERT, "p1"), () -> {})
                .join();
    }

    private static KeyPair vapid() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

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
        DeliveryDispatcher dispatcher = dispatcher(r -> {
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

    private static DeliveryDispatcher dispatcher(WebhookSender sender) {
        SubscriptionView view = mock(SubscriptionView.class);
        when(view.find("s1")).thenReturn(Optional.of(SUBSCRIPTION));
        when(view.find("gone")).thenReturn(Optional.empty());
        when(view.wasDeleted("gone")).thenReturn(true);
        when(view.find("not-yet")).thenReturn(Optional.empty());
        when(view.find("p1")).thenReturn(Optional.of(PUSH_SUBSCRIPTION));
        return new DeliveryDispatcher(
                sender,
                view,
                Map.of(
                        Subscription.Channel.WEBHOOK, new WebhookChannel(CLOCK),
                        Subscription.Channel.WEBPUSH, new WebPushChannel(WEB_PUSH)));
    }
}
