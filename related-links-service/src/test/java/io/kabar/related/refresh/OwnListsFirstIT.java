package io.kabar.related.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kabar.schemas.topics.Topics;
import io.kabar.testing.KafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * On a real broker of its own (the shared one has related-links contexts reading these topics): a consumer steered
 * by {@link OwnListsFirst} hands out overdue own-list requests before any more back-links, then resumes them.
 */
class OwnListsFirstIT {

    private static final TopicPartition OWN = new TopicPartition(Topics.RELATED_LINKS_OWN_REQUESTS.name(), 0);
    private static final TopicPartition BACK_LINKS = new TopicPartition(Topics.RELATED_LINKS_REQUESTS.name(), 0);
    private static final Duration POLL = Duration.ofMillis(200);

    private final AtomicLong now = new AtomicLong();
    private final OwnListsFirst ownListsFirst = new OwnListsFirst(now::get);

    @Test
    void overdueOwnListRequestsComeBeforeTheBackLinksWrittenBeforeThemAndTheBackLinksResumeOnceTheyAreRead() {
        try (KafkaBroker broker = KafkaBroker.start(1).createTopics(1, List.of(OWN.topic(), BACK_LINKS.topic()));
                KafkaConsumer<byte[], byte[]> consumer = consumer(broker)) {
            write(broker, BACK_LINKS, 200);
            write(broker, OWN, 3);
            consumer.assign(List.of(OWN, BACK_LINKS));
            consumer.seekToBeginning(List.of(OWN, BACK_LINKS));

            ownListsFirst.steer(consumer);
            now.addAndGet(OwnListsFirst.OVERDUE.toNanos());
            ownListsFirst.steer(consumer);
            assertThat(consumer.paused()).containsExactly(BACK_LINKS);

            List<String> whilePaused = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(POLL).forEach(record -> whilePaused.add(record.topic()));
                return consumer.position(OWN) == 3;
            });
            assertThat(whilePaused).containsOnly(OWN.topic()).hasSize(3);

            ownListsFirst.steer(consumer);
            assertThat(consumer.paused()).isEmpty();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !consumer.poll(POLL).records(BACK_LINKS).isEmpty());
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(KafkaBroker broker) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.bootstrapServers(),
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        50,
                        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                        4 * 1024),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    private static void write(KafkaBroker broker, TopicPartition partition, int count) {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(partition.topic(), partition.partition(), null, new byte[150]));
            }
            producer.flush();
        }
    }
}
