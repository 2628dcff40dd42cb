package io.kabar.notification.bench;

import io.kabar.notification.Kafka;
import io.kabar.notification.NotificationServiceApplication;
import io.kabar.schemas.ArticleEventType;
import io.kabar.testing.KafkaBroker;
import io.kabar.testing.load.Measurement;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Opens {@code streams} alert streams (SSE) on one instance, from a second JVM ({@link StreamClients}: the two ends
 * of 10,000 connections exceed one process's 20,000 file descriptors here), publishes {@code alerts} breaking
 * articles a second apart, and prints publish-to-received percentiles across every stream and alert.
 */
public final class StreamBenchmark {

    static final int STREAMS = Integer.getInteger("streams", 10_000);
    static final int ALERTS = Integer.getInteger("alerts", 10);

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        KafkaBroker broker = KafkaBroker.start(6);
        String[] arguments = {
            "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
            "--server.port=0",
            "--server.tomcat.max-connections=" + (STREAMS + 1000),
            "--server.tomcat.accept-count=" + STREAMS,
            "--kabar.limits.concurrent.alert-streams.per-client=" + STREAMS,
            "--kabar.limits.concurrent.alert-streams.total=" + STREAMS,
            // A throwaway key: the benchmark's subscriptions live only as long as its broker.
            "--kabar.notifications.secrets.keys=bench-1:csiFdHVUX/xDiDBAH7QckC3I1Lr3Xsfj1ifef9e9Mek=",
            "--logging.level.root=WARN"
        };
        try (ConfigurableApplicationContext app =
                new SpringApplicationBuilder(NotificationServiceApplication.class).run(arguments)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            System.out.printf(
                    "broker and service started in %d s; opening %d streams%n",
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start), STREAMS);
            String category = "Bench";
            Process clients = new ProcessBuilder(
                            ProcessHandle.current().info().command().orElse("java"),
                            "-Xmx1g",
                            "-cp",
                            System.getProperty("java.class.path"),
                            StreamClients.class.getName(),
                            String.valueOf(port),
                            String.valueOf(STREAMS),
                            String.valueOf(ALERTS),
                            category)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(clients.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (!"CONNECTED".equals(line)) {
                throw new IllegalStateException("the stream clients did not connect: " + line);
            }
            MeterRegistry meters = app.getBean(MeterRegistry.class);
            double open = meters.get("kabar.notifications.streams.open").gauge().value();
            Map<String, Long> published = new ConcurrentHashMap<>();
            for (int i = 0; i < ALERTS; i++) {
                String article = UUID.randomUUID().toString();
                published.put(article, System.currentTimeMillis());
                Kafka.publish(
                        broker.bootstrapServers(), Kafka.event(article, 1, ArticleEventType.PUBLISHED, category, true));
                Thread.sleep(1000);
            }
            List<Long> latencies = new ArrayList<>();
            while ((line = out.readLine()) != null && !line.equals("END")) {
                String[] received = line.split(" ");
                latencies.add((Long.parseLong(received[1]) - published.get(received[0])) * 1_000_000);
            }
            clients.waitFor(1, TimeUnit.MINUTES);
            Measurement m = Measurement.latencies(
                    "publish->received",
                    latencies.stream().mapToLong(Long::longValue).toArray(),
                    1);
            System.out.printf(
                    Locale.ROOT,
                    "streams=%d (open on the instance: %.0f) alerts=%d events received=%d of %d%n"
                            + "publish->received p50=%.0fms p99=%.0fms max=%.0fms; clients dropped=%.0f%n",
                    STREAMS,
                    open,
                    ALERTS,
                    latencies.size(),
                    (long) STREAMS * ALERTS,
                    m.p50Millis(),
                    m.p99Millis(),
                    latencies.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6,
                    meters.get("kabar.notifications.streams.dropped").counter().count());
        } finally {
            broker.close();
        }
        System.exit(0);
    }
}
