package io.kabar.notification;

import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.ArticleEventType;
import io.kabar.schemas.Subscription;
import io.kabar.schemas.SubscriptionChannel;
import io.kabar.schemas.serde.AvroSerializer;
import io.kabar.schemas.topics.Topics;
import io.kabar.testing.TestArticles;
import io.kabar.testing.TestBroker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Talks to the test broker the way other services would: publishes article events, reads committed records. */
public final class Kafka {

    private Kafka() {}

    /** An article event as article-service would write it, tagged "gempa". */
    public static ArticleEvent event(
            String id, long revision, ArticleEventType type, String category, boolean breaking) {
        return TestArticles.event(
                id, revision, type, "Gempa M6,2 guncang " + category, category, List.of("gempa"), breaking);
    }

    /**
     * Writes one webhook subscription per target straight to {@code news.subscriptions}, as instances of the service
     * would have, and returns their ids; all sent before any acknowledgement is awaited, for tens of thousands.
     */
    public static List<String> subscriptions(String brokers, List<String> targets, String category) {
        return subscriptions(
                brokers,
                targets,
                category,
                SubscriptionChannel.WEBHOOK,
                "whsec_" + Base64.getEncoder().encodeToString(new byte[32]));
    }

    /** As above, on {@code channel} with {@code secret} (for web push the browser's keys, {@code p256dh.auth}). */
    public static List<String> subscriptions(
            String brokers, List<String> targets, String category, SubscriptionChannel channel, String secret) {
        // One request in flight: a pipelining idempotent producer on a just-created topic can retry into out-of-order
        // sequence errors it never leaves (seen with Kafka 4.1).
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                1,
                ProducerConfig.LINGER_MS_CONFIG,
                20);
        List<String> ids = new ArrayList<>(targets.size());
        try (var producer =
                new KafkaProducer<>(props, new StringSerializer(), new AvroSerializer<>(Subscription.class))) {
            for (String target : targets) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                producer.send(new ProducerRecord<>(
                        Topics.SUBSCRIPTIONS.name(),
                        id,
                        Subscription.newBuilder()
                                .setId(id)
                                .setChannel(channel)
                                .setTarget(target)
                                .setSecret(secret)
                                .setCategories(List.of(category))
                                .setCreatedAt(Instant.now())
                                .build()));
            }
            producer.flush();
        }
        return ids;
    }

    public static void publish(String brokers, ArticleEvent... events) {
        TestBroker.publish(brokers, Topics.ARTICLES, event -> event.getArticle().getId(), events);
    }

    /** Writes what a takedown writes: the article's tombstone (after its content-free UNPUBLISHED event). */
    public static void tombstone(String brokers, String id) {
        Map<String, Object> props =
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<String, byte[]>(
                props, new StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), id, null))
                    .get();
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("could not write the tombstone of " + id, e);
        }
    }

    /** Every committed record of the topic with that key, oldest first per partition, read up to the end. */
    public static <V> List<ConsumerRecord<String, V>> records(String topic, String key, Deserializer<V> values) {
        return TestBroker.readAll(topic, values).stream()
                .filter(r -> key.equals(r.key()))
                .toList();
    }
}
