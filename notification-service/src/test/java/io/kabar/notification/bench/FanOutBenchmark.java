package io.kabar.notification.bench;

import io.kabar.notification.Kafka;
import io.kabar.notification.NotificationServiceApplication;
import io.kabar.notification.Receiver;
import io.kabar.notification.subscriptions.SubscriptionView;
import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.ArticleEventType;
import io.kabar.schemas.Subscription;
import io.kabar.schemas.SubscriptionChannel;
import io.kabar.schemas.serde.AvroSerializer;
import io.kabar.schemas.topics.Topics;
import io.kabar.testing.KafkaBroker;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
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
            subscribe(broker.bootstrapServers(), receiver, category);
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

    private static void subscribe(String brokers, Receiver receiver, String category) {
        // One request in flight: a pipelining idempotent producer on a just-created topic can retry into out-of-order
        // sequence errors it never leaves (seen with Kafka 4.1); setting up subscriptions is not what is measured.
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                1);
        try (var producer =
                new KafkaProducer<>(props, new StringSerializer(), new AvroSerializer<>(Subscription.class))) {
            for (int i = 0; i < SUBSCRIBERS; i++) {
                String id = UUID.randomUUID().toString();
                producer.send(new ProducerRecord<>(
                        Topics.SUBSCRIPTIONS.name(),
                        id,
                        Subscription.newBuilder()
                                .setId(id)
                                .setChannel(SubscriptionChannel.WEBHOOK)
                                .setTarget(receiver.url("/hook/" + i))
                                .setSecret("whsec_" + Base64.getEncoder().encodeToString(new byte[32]))
                                .setCategories(List.of(category))
                                .setCreatedAt(Instant.now())
                                .build()));
            }
        }
    }
}
