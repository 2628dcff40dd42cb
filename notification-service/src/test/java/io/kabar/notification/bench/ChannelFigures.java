package io.kabar.notification.bench;

import io.kabar.notification.delivery.ChannelCost;
import io.kabar.notification.webpush.P256;
import io.kabar.notification.webpush.WebPush;
import io.kabar.testing.load.Measurement;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The per-channel part of the fan-out benchmark's report: each channel's reach, rate and latency in the run, and the
 * CPU time one request of each channel takes to make, measured in the same JVM right after it.
 */
final class ChannelFigures {

    private static final int TIMED_REQUESTS = 5_000;

    private ChannelFigures() {}

    /**
     * @param processCpuNanos the whole process's CPU time from publishing to the end of the wait
     */
    static void report(
            RemoteReceivers receivers, Instant published, long processCpuNanos, WebPush webPush, MeterRegistry meters) {
        System.out.println(
                "per channel, the same alert in the same run (publish->delivery: first call per subscriber):");
        int pushReached = 0;
        int reached = 0;
        for (String prefix : List.of("/hook/", "/push/")) {
            long[] since = Arrays.stream(receivers.firstArrivals(prefix))
                    .map(t -> t - published.toEpochMilli())
                    .sorted()
                    .toArray();
            reached += since.length;
            if (prefix.equals("/push/")) {
                pushReached = since.length;
            }
            long last = since.length == 0 ? 0 : since[since.length - 1];
            Measurement latency = Measurement.latencies(
                    prefix, Arrays.stream(since).map(ms -> ms * 1_000_000).toArray(), last * 1_000_000);
            System.out.printf(
                    Locale.ROOT,
                    "  %-8s reached=%d requests=%d time-to-90%%=%.2fs time-to-last=%.2fs rate=%.0f/s p50=%.0fms"
                            + " p99=%.0fms%n",
                    prefix.equals("/hook/") ? "webhook" : "web push",
                    since.length,
                    receivers.requests(prefix),
                    since.length == 0 ? 0 : since[(int) Math.ceil(0.9 * since.length) - 1] / 1000.0,
                    last / 1000.0,
                    since.length / Math.max(0.001, last / 1000.0),
                    since.length == 0 ? 0 : latency.p50Millis(),
                    since.length == 0 ? 0 : latency.p99Millis());
        }
        for (String channel : List.of("webhook", "webpush")) {
            StringBuilder line =
                    new StringBuilder("  outcomes ").append(channel).append(':');
            meters.find("kabar.notifications.deliveries").tag("channel", channel).counters().stream()
                    .sorted(java.util.Comparator.comparing(c -> c.getId().getTag("outcome")))
                    .forEach(c -> line.append(' ')
                            .append(c.getId().getTag("outcome"))
                            .append('=')
                            .append((long) c.count()));
            System.out.println(line);
        }
        ChannelCost.Figures cost = ChannelCost.measure(
                webPush,
                FanOutBenchmark.BROWSER,
                P256.publicKey(P256.fromBase64Url(FanOutBenchmark.VAPID_PUBLIC)),
                P256.privateKey(P256.fromBase64Url(FanOutBenchmark.VAPID_PRIVATE)),
                TIMED_REQUESTS);
        double hookMicros = cost.webhookNanos() / 1000;
        double pushMicros = cost.webPushNanos() / 1000;
        double freshMicros = cost.webPushFreshVapidNanos() / 1000;
        System.out.printf(
                Locale.ROOT,
                "CPU to make one request (thread CPU time, %d requests per channel, a %d-byte alert):%n"
                        + "  webhook  (JSON shared per alert, HMAC-SHA256 signature): %.1f us (%.0f/s per core)%n"
                        + "  web push (JSON, RFC 8291 ECDH + HKDF + AES-128-GCM; VAPID token reused): %.1f us"
                        + " (%.0f/s per core) = %.0fx a webhook, +%.1f us per delivery%n"
                        + "  web push signing a fresh VAPID ES256 token each time: %.1f us (the token alone %.1f us,"
                        + " once per push service per 6 h)%n",
                TIMED_REQUESTS,
                cost.alertBytes(),
                hookMicros,
                1e6 / hookMicros,
                pushMicros,
                1e6 / pushMicros,
                pushMicros / hookMicros,
                pushMicros - hookMicros,
                freshMicros,
                freshMicros - pushMicros);
        System.out.printf(
                Locale.ROOT,
                "the service's process during the fan-out (service and the benchmark's driver): %.1f s CPU = %.0f us per"
                        + " delivery; web push encryption in it: %d x %.0f us = %.1f s (%.1f %%)%n",
                processCpuNanos / 1e9,
                processCpuNanos / 1000.0 / Math.max(1, reached),
                pushReached,
                pushMicros - hookMicros,
                pushReached * (pushMicros - hookMicros) / 1e6,
                100 * pushReached * (pushMicros - hookMicros) * 1000 / processCpuNanos);
    }
}
