package io.kabar.notification.bench;

import io.kabar.notification.Receiver;
import io.kabar.notification.webpush.WebPush;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The web push side of the fan-out benchmark: each channel's reach and rate, and what one message costs in CPU. */
final class WebPushCost {

    private static final int MESSAGES = 5_000;

    private WebPushCost() {}

    static void report(List<Receiver> receivers, Instant published, WebPush webPush) {
        for (String channel : List.of("/hook/", "/push/")) {
            long[] since = receivers.stream()
                    .flatMap(r -> r.firstArrivals(channel).stream())
                    .mapToLong(t -> t.toEpochMilli() - published.toEpochMilli())
                    .sorted()
                    .toArray();
            long last = since.length == 0 ? 0 : since[since.length - 1];
            System.out.printf(
                    Locale.ROOT,
                    "%s reached=%d time-to-100%%=%.2fs rate=%.0f/s p50=%dms%n",
                    channel.equals("/hook/") ? "webhook " : "web push",
                    since.length,
                    last / 1000.0,
                    since.length / Math.max(0.001, last / 1000.0),
                    since.length == 0 ? 0 : since[since.length / 2]);
        }
        byte[] alert = ("{\"alertId\":\"al_0123456789abcdef\",\"articleId\":\"0b9f5f3e-8d7c-4a1b-9e2f-3c4d5e6f7a8b\","
                        + "\"title\":\"Gempa M6,2 guncang Maluku, tidak berpotensi tsunami\",\"summary\":\"BMKG mencatat"
                        + " gempa pukul 04.12 WIT.\",\"url\":\"https://kabar.example/berita/gempa-maluku\","
                        + "\"category\":\"Nasional\",\"tags\":[\"gempa\",\"bmkg\"],\"publishedAt\":\"2026-12-01T19:12:00Z\"}")
                .getBytes(StandardCharsets.UTF_8);
        URI endpoint = URI.create("https://push.example/send/bench");
        var threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 2; round++) { // the first round warms the JIT up
            long cpu = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < MESSAGES; i++) {
                webPush.message(endpoint, FanOutBenchmark.BROWSER, "article-" + i, alert);
            }
            long perMessage = (threads.getCurrentThreadCpuTime() - cpu) / MESSAGES;
            if (round == 1) {
                System.out.printf(
                        Locale.ROOT,
                        "web push message (%d-byte alert: ECDH, HKDF, AES-128-GCM; VAPID token reused): %.0f us CPU"
                                + " each, %.0f messages/s per core%n",
                        alert.length,
                        perMessage / 1000.0,
                        1e9 / perMessage);
            }
        }
    }
}
