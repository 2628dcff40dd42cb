package io.kabar.notification.delivery;

import io.kabar.notification.alerts.Alert;
import io.kabar.notification.alerts.Delivery;
import io.kabar.notification.alerts.Interests;
import io.kabar.notification.subscriptions.Pacing;
import io.kabar.notification.subscriptions.Subscription;
import io.kabar.notification.webpush.PushEncryption;
import io.kabar.notification.webpush.PushKeys;
import io.kabar.notification.webpush.Vapid;
import io.kabar.notification.webpush.WebPush;
import java.lang.management.ManagementFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Measures, for the fan-out benchmark's JVM, the thread CPU time of each channel's {@link DeliveryChannel#request}
 * step with the service's own channel classes (webhook: shared JSON and HMAC-SHA256; web push: JSON, RFC 8291
 * encryption and the VAPID header).
 */
public final class ChannelCost {

    /** CPU nanoseconds per request, each the second of two rounds (the first warms the JIT up). */
    public record Figures(double webhookNanos, double webPushNanos, double webPushFreshVapidNanos, int alertBytes) {}

    private static final Alert ALERT = new Alert(
            "al_0123456789abcdef",
            "0b9f5f3e-8d7c-4a1b-9e2f-3c4d5e6f7a8b",
            1,
            "Gempa M6,2 guncang Maluku, tidak berpotensi tsunami",
            "BMKG mencatat gempa pukul 04.12 WIT di kedalaman 10 km.",
            "https://kabar.example/berita/gempa-m6-2-guncang-maluku",
            "Nasional",
            List.of("gempa", "bmkg"),
            Instant.parse("2026-12-01T19:12:00Z"),
            Instant.parse("2026-12-01T19:12:01Z"),
            false);

    private ChannelCost() {}

    /**
     * Times {@code requests} requests per channel; web push with the service's {@code webPush} (its VAPID token
     * reused per push service, as in a fan-out) and once more signing a fresh VAPID token per request.
     */
    public static Figures measure(
            WebPush webPush, PushKeys browser, ECPublicKey vapidPublic, ECPrivateKey vapidPrivate, int requests) {
        List<Delivery> deliveries = IntStream.range(0, requests)
                .mapToObj(i -> Delivery.first(ALERT, "sub-" + i))
                .toList();
        Subscription hook = subscription(
                Subscription.Channel.WEBHOOK, "https://hooks.example/bench", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        Subscription push =
                subscription(Subscription.Channel.WEBPUSH, "https://push.example/send/bench", browser.encoded());
        // A clock that moves 7 hours per reading: every token is stale (renewed after 6 h), so each request signs.
        Clock jumping = new Clock() {
            private Instant now = Instant.parse("2026-12-01T00:00:00Z");

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public synchronized Instant instant() {
                now = now.plus(Duration.ofHours(7));
                return now;
            }
        };
        WebPush signingEveryTime = new WebPush(
                java.util.Optional.of(new Vapid(vapidPublic, vapidPrivate, "mailto:bench@kabar.example", jumping)),
                new PushEncryption(),
                Duration.ofHours(6));
        byte[] body = new WebhookChannel(Clock.systemUTC())
                .request(hook, deliveries.getFirst(), () -> {})
                .body();
        return new Figures(
                cpuPerRequest(new WebhookChannel(Clock.systemUTC()), hook, deliveries),
                cpuPerRequest(new WebPushChannel(webPush), push, deliveries),
                cpuPerRequest(new WebPushChannel(signingEveryTime), push, deliveries),
                body.length);
    }

    private static double cpuPerRequest(DeliveryChannel channel, Subscription subscription, List<Delivery> deliveries) {
        var threads = ManagementFactory.getThreadMXBean();
        long spent = 0;
        for (int round = 0; round < 2; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (Delivery delivery : deliveries) {
                channel.request(subscription, delivery, () -> {});
            }
            spent = threads.getCurrentThreadCpuTime() - start;
        }
        return spent / (double) deliveries.size();
    }

    private static Subscription subscription(Subscription.Channel channel, String target, String secret) {
        return new Subscription(
                "sub-bench",
                channel,
                target,
                secret,
                Interests.everything(),
                true,
                true,
                ALERT.createdAt(),
                null,
                null,
                null,
                null,
                Pacing.NONE);
    }
}
