package io.kabar.notification.bench;

import io.kabar.notification.Kafka;
import io.kabar.notification.NotificationServiceApplication;
import io.kabar.notification.matching.FanOutPlan;
import io.kabar.notification.subscriptions.SubscriptionView;
import io.kabar.notification.webpush.PushKeys;
import io.kabar.notification.webpush.WebPush;
import io.kabar.schemas.ArticleEventType;
import io.kabar.schemas.SubscriptionChannel;
import io.kabar.testing.load.Measurement;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Fans one breaking alert out to {@code subscribers} webhook subscriptions spread over {@code hosts} receiver hosts
 * (127.0.0.1 ... 127.0.0.{hosts}, each answering after 40 ms), over an embedded broker of its own, and prints the time
 * to 90 % and 100 % of the deliveries, deliveries/s, publish-to-delivery percentiles, the heap the subscriptions take,
 * and the in-flight bound next to the most requests the receivers saw at once. With {@code -DwebPushEvery=n} every
 * n-th subscriber is a web push one instead, and it also prints each channel's reach, rate and latency and the CPU
 * time one request of each channel takes to make ({@link ChannelFigures}). Unless {@code -DwarmUp=0}, a first alert
 * to {@code warmUp} other webhook subscribers on the same hosts warms the JIT and the connection pools first, as a
 * service that has been running meets breaking news; it is not counted in the figures, only in the outcome counters.
 * The broker and the receivers run in JVMs of their own ({@link Peer}), so this JVM is the service's (and the
 * benchmark's driver, which mostly waits): the run reports the CPU time each of the three took per delivery.
 */
public final class FanOutBenchmark {

    static final int SUBSCRIBERS = Integer.getInteger("subscribers", 100_000);
    static final int HOSTS = Integer.getInteger("hosts", 50);
    static final int DELAY_MILLIS = Integer.getInteger("delayMillis", 40);
    static final int MAX_PER_HOST = Integer.getInteger("maxPerHost", 32);
    /** Every n-th subscriber (0: none) subscribes by web push instead, its alerts encrypted per subscriber (RFC 8291). */
    static final int WEB_PUSH_EVERY = Integer.getInteger("webPushEvery", 0);

    static final int WARM_UP = Integer.getInteger("warmUp", 10_000);

    static final String VAPID_PUBLIC =
            "BDrsQBhhsLiuWl-8nd60cxY92N0jUIsjmKamZBDtBrG7t9mhCuqxg_WWAL2yux6S03pdCQeyaH_yb8aWyloFDnk";
    static final String VAPID_PRIVATE = "Ab-XpQGsAb7kIIobw6bOOnxs0y7ZJSeu4Sdi6I_GHmA";

    /** Every web push subscriber is RFC 8291's example browser: the cost of encrypting is the same for any keys. */
    static final PushKeys BROWSER = new PushKeys(
            "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4",
            "BTBZMqHH6r4Tts7J_aSIgg");

    public static void main(String[] args) throws Exception {
        try (PeerProcess broker = PeerProcess.start("2g", "broker", "6");
                RemoteReceivers receivers = new RemoteReceivers(HOSTS, DELAY_MILLIS)) {
            run(broker.greeting(), broker, receivers);
        }
        System.exit(0);
    }

    private static void run(String bootstrapServers, PeerProcess broker, RemoteReceivers receivers) throws Exception {
        // Command-line arguments, so that they win over application.properties (server.port=8083 above all). The
        // target policy admits loopback receivers here only.
        String[] arguments = {
            "--spring.kafka.bootstrap-servers=" + bootstrapServers,
            "--server.port=0",
            "--kabar.notifications.allow-loopback=true",
            "--kabar.notifications.webhooks.max-per-host=" + MAX_PER_HOST,
            // A throwaway key: the benchmark's subscriptions live only as long as its broker.
            "--kabar.notifications.secrets.keys=bench-1:csiFdHVUX/xDiDBAH7QckC3I1Lr3Xsfj1ifef9e9Mek=",
            // A throwaway VAPID pair, the tests' one.
            "--kabar.notifications.webpush.vapid-public-key=" + VAPID_PUBLIC,
            "--kabar.notifications.webpush.vapid-private-key=" + VAPID_PRIVATE,
            "--logging.level.root=WARN"
        };
        try (ConfigurableApplicationContext app =
                new SpringApplicationBuilder(NotificationServiceApplication.class).run(arguments)) {
            SubscriptionView view = app.getBean(SubscriptionView.class);
            long heapBefore = settledHeap();
            String category = "Bench";
            List<String> targets = new ArrayList<>(SUBSCRIBERS);
            List<String> pushTargets = new ArrayList<>();
            for (int i = 0; i < SUBSCRIBERS; i++) {
                boolean push = WEB_PUSH_EVERY > 0 && i % WEB_PUSH_EVERY == 0;
                (push ? pushTargets : targets).add(receivers.url(i % HOSTS, (push ? "/push/" : "/hook/") + i));
            }
            Kafka.subscriptions(bootstrapServers, targets, category);
            Kafka.subscriptions(
                    bootstrapServers, pushTargets, category, SubscriptionChannel.WEBPUSH, BROWSER.encoded());
            targets = null;
            pushTargets = null;
            while (view.size() < SUBSCRIBERS) {
                Thread.sleep(100);
            }
            long heapAfter = settledHeap();
            warmUp(bootstrapServers, receivers, view);
            Thread.sleep(5000); // let the matcher's and the webhook consumers' groups settle before the clock starts

            var process = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuAtPublish = process.getProcessCpuTime();
            long brokerCpuAtPublish = broker.cpuNanos();
            long receiversCpuAtPublish = receivers.cpuNanos();
            Instant published = Instant.now();
            Kafka.publish(
                    bootstrapServers,
                    Kafka.event(UUID.randomUUID().toString(), 1, ArticleEventType.PUBLISHED, category, true));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            // Counters only: scanning what the receivers recorded would take the CPU the service needs.
            long nextProgress = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            MeterRegistry meters = app.getBean(MeterRegistry.class);
            Instant written = null;
            io.micrometer.core.instrument.Timer fanOuts =
                    meters.get("kabar.notifications.fanout.duration").timer();
            long slicesBefore = fanOuts.count();
            while (receivers.reached() < SUBSCRIBERS && System.nanoTime() < deadline) {
                Thread.sleep(20);
                // Slices of the alert whose last chunk of deliveries has committed.
                if (written == null && fanOuts.count() >= slicesBefore + FanOutPlan.SLICES) {
                    written = Instant.now();
                }
                if (System.nanoTime() > nextProgress) {
                    nextProgress += TimeUnit.SECONDS.toNanos(10);
                    System.out.printf(
                            Locale.ROOT,
                            "%ds: reached %d; %s%n",
                            java.time.Duration.between(published, Instant.now()).toSeconds(),
                            receivers.reached(),
                            outcomes(meters));
                }
            }
            long processCpu = process.getProcessCpuTime() - cpuAtPublish;
            long brokerCpu = broker.cpuNanos() - brokerCpuAtPublish;
            long receiversCpu = receivers.cpuNanos() - receiversCpuAtPublish;
            int reached = report(receivers, published, written, heapBefore, heapAfter, meters);
            System.out.printf(
                    Locale.ROOT,
                    "CPU from publishing to the last delivery: service %.1f s (%.0f us per delivery, the benchmark's"
                            + " driver included), broker %.1f s (%.0f us), receivers %.1f s (%.0f us)%n",
                    processCpu / 1e9,
                    processCpu / 1e3 / reached,
                    brokerCpu / 1e9,
                    brokerCpu / 1e3 / reached,
                    receiversCpu / 1e9,
                    receiversCpu / 1e3 / reached);
            if (WEB_PUSH_EVERY > 0) {
                ChannelFigures.report(receivers, published, processCpu, app.getBean(WebPush.class), meters);
            }
        }
    }

    /** Fans an alert out to {@link #WARM_UP} other subscribers, waits until each got it, and forgets the requests. */
    private static void warmUp(String bootstrapServers, RemoteReceivers receivers, SubscriptionView view)
            throws InterruptedException {
        if (WARM_UP == 0) {
            return;
        }
        List<String> targets = IntStream.range(0, WARM_UP)
                .mapToObj(i -> receivers.url(i % HOSTS, "/warm/" + i))
                .toList();
        Kafka.subscriptions(bootstrapServers, targets, "Warm");
        while (view.size() < SUBSCRIBERS + WARM_UP) {
            Thread.sleep(100);
        }
        long start = System.nanoTime();
        Kafka.publish(
                bootstrapServers,
                Kafka.event(UUID.randomUUID().toString(), 1, ArticleEventType.PUBLISHED, "Warm", true));
        long deadline = start + TimeUnit.MINUTES.toNanos(2);
        while (receivers.reached() < WARM_UP && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        System.out.printf(
                Locale.ROOT,
                "warm-up: %d of %d other subscribers reached in %.2fs (not in the figures below, in the outcome"
                        + " counters)%n",
                receivers.reached(),
                WARM_UP,
                (System.nanoTime() - start) / 1e9);
        receivers.forget();
    }

    /** Prints the run's figures and returns how many subscribers were reached. */
    private static int report(
            RemoteReceivers receivers,
            Instant published,
            Instant written,
            long heapBefore,
            long heapAfter,
            MeterRegistry meters) {
        long[] sincePublished = java.util.Arrays.stream(receivers.firstArrivals("/"))
                .map(t -> t - published.toEpochMilli())
                .sorted()
                .toArray();
        long toAll = sincePublished[sincePublished.length - 1];
        // Not reached within the wait: the 90 % figure is the time of the last one reached, a lower bound.
        long to90 = sincePublished[Math.min(sincePublished.length, (int) Math.ceil(0.9 * SUBSCRIBERS)) - 1];
        Measurement latency = Measurement.latencies(
                "publish->delivery",
                java.util.Arrays.stream(sincePublished)
                        .map(ms -> ms * 1_000_000)
                        .toArray(),
                toAll * 1_000_000);
        int mostAtOnce = receivers.mostAtOnce();
        // Until the last slice's last chunk committed (the timer records each slice; its max forgets after two
        // minutes).
        double fanOutSeconds = written == null
                ? Double.NaN
                : java.time.Duration.between(published, written).toMillis() / 1000.0;
        System.out.printf(
                Locale.ROOT,
                "subscribers=%d hosts=%d receiver-delay=%dms requests=%d subscribers reached=%d%n"
                        + "time-to-90%%=%.2fs time-to-100%%=%.2fs rate=%.0f/s p50=%.0fms p99=%.0fms%n"
                        + "deliveries written by the matcher (fan-out duration)=%.2fs%n"
                        + "heap: %.1f MB before, %.1f MB with the subscriptions: %.0f bytes per subscription%n"
                        + "in-flight bound: %d hosts x max-per-host %d = %d requests (= %.0f/s at %d ms);"
                        + " most in flight seen by the receivers (sum of per-host peaks): %d%n",
                SUBSCRIBERS,
                HOSTS,
                DELAY_MILLIS,
                receivers.requests("/"),
                sincePublished.length,
                to90 / 1000.0,
                toAll / 1000.0,
                sincePublished.length / (toAll / 1000.0),
                latency.p50Millis(),
                latency.p99Millis(),
                fanOutSeconds,
                heapBefore / 1e6,
                heapAfter / 1e6,
                (heapAfter - heapBefore) / (double) SUBSCRIBERS,
                HOSTS,
                MAX_PER_HOST,
                HOSTS * MAX_PER_HOST,
                HOSTS * MAX_PER_HOST * 1000.0 / DELAY_MILLIS,
                DELAY_MILLIS,
                mostAtOnce);
        System.out.println(outcomes(meters));
        return sincePublished.length;
    }

    private static String outcomes(MeterRegistry meters) {
        // Each outcome once, summed over the channels (ChannelFigures splits them at the end).
        Map<String, Long> byOutcome = new TreeMap<>();
        meters.find("kabar.notifications.deliveries")
                .counters()
                .forEach(c -> byOutcome.merge(c.getId().getTag("outcome"), (long) c.count(), Long::sum));
        StringBuilder outcomes = new StringBuilder("outcomes:");
        byOutcome.forEach((outcome, count) ->
                outcomes.append(' ').append(outcome).append('=').append(count));
        meters.find("kabar.notifications.webhooks.circuits").gauges().stream()
                .sorted(java.util.Comparator.comparing(g -> g.getId().getTag("state")))
                .forEach(g -> outcomes.append(" circuits-")
                        .append(g.getId().getTag("state"))
                        .append('=')
                        .append((long) g.value()));
        return outcomes.append(" abandoned=")
                .append((long) meters.get("kabar.notifications.deliveries.abandoned")
                        .counter()
                        .count())
                .toString();
    }

    /** Heap in use after full collections, once it stops shrinking. */
    private static long settledHeap() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(200);
            long used = memory.getHeapMemoryUsage().getUsed();
            if (used >= previous - 1_000_000) {
                return Math.min(used, previous);
            }
            previous = used;
        }
        return previous;
    }
}
