package io.kabar.notification.bench;

import io.kabar.notification.Kafka;
import io.kabar.notification.NotificationServiceApplication;
import io.kabar.notification.Receiver;
import io.kabar.notification.subscriptions.SubscriptionView;
import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.ArticleEventType;
import io.kabar.testing.KafkaBroker;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Fans one breaking alert out to 10,000 webhook subscriptions on a local receiver that answers after 40 ms, over an
 * embedded broker of its own, and prints throughput and publish-to-delivery latency.
 */
public final class FanOutBenchmark {

    static final int SUBSCRIBERS = Integer.getInteger("subscribers", 10_000);

    public static void main(String[] args) throws Exception {
        KafkaBroker broker = KafkaBroker.start(6);
        try (Receiver receiver = new Receiver(40, 400);
                ConfigurableApplicationContext app = new SpringApplicationBuilder(NotificationServiceApplication.class)
                        .properties(
                                "spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                                "server.port=0",
                                "kabar.notifications.allow-loopback=true",
                                "kabar.notifications.webhooks.max-per-host=" + Integer.getInteger("maxPerHost", 256),
                                "logging.level.root=WARN")
                        .run()) {
            String category = "Bench";
            Kafka.subscriptions(
                    broker.bootstrapServers(),
                    IntStream.range(0, SUBSCRIBERS)
                            .mapToObj(i -> receiver.url("/hook/" + i))
                            .toList(),
                    category);
            SubscriptionView view = app.getBean(SubscriptionView.class);
            while (view.size() < SUBSCRIBERS) {
                Thread.sleep(100);
            }
            Thread.sleep(5000); // let the matcher's and the webhook consumers' groups settle before the clock starts
            Instant published = Instant.now();
            ArticleEvent event =
                    Kafka.event(UUID.randomUUID().toString(), 1, ArticleEventType.PUBLISHED, category, true);
            Kafka.publish(broker.bootstrapServers(), event);
            long start = System.nanoTime();
            while (receiver.total() < SUBSCRIBERS) {
                Thread.sleep(10);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            List<Long> latencies = receiver.arrivals().stream()
                    .map(t -> t.toEpochMilli() - published.toEpochMilli())
                    .sorted()
                    .toList();
            System.out.printf(
                    "subscribers=%d deliveries=%d time-to-last=%.2fs rate=%.0f/s p50=%dms p99=%dms%n",
                    SUBSCRIBERS,
                    receiver.total(),
                    seconds,
                    receiver.total() / seconds,
                    latencies.get(latencies.size() / 2),
                    latencies.get((int) (latencies.size() * 0.99) - 1));
        } finally {
            broker.close();
        }
        System.exit(0);
    }
}
