package io.kabar.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** A mirror that loses its connection resumes where it was instead of feeding the whole topic again. */
class TopicMirrorTest {

    private static final String TOPIC = "news.example";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    @Test
    void resumesFromItsPositionAfterAReconnect() {
        MockConsumer<String, String> first = consumer(2);
        first.schedulePollTask(() -> {
            first.addRecord(record(0, "a"));
            first.addRecord(record(1, "b"));
        });
        first.schedulePollTask(() -> first.setPollException(new KafkaException("connection to the broker lost")));
        MockConsumer<String, String> second = consumer(3);
        second.schedulePollTask(() -> {
            // The whole partition is there again; a mirror that started over would feed a and b twice.
            second.addRecord(record(0, "a"));
            second.addRecord(record(1, "b"));
            second.addRecord(record(2, "c"));
        });
        Iterator<MockConsumer<String, String>> consumers =
                List.of(first, second).iterator();
        List<String> fed = new CopyOnWriteArrayList<>();
        TopicMirror<String> mirror = new TopicMirror<>(
                TOPIC, () -> consumers.hasNext() ? consumers.next() : consumer(3), (key, value) -> fed.add(value));

        mirror.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> fed.size() >= 3);
            assertThat(fed).containsExactly("a", "b", "c");
            assertThat(mirror.isCaughtUp()).isTrue();
            assertThat(mirror.hasReached(Map.of(PARTITION, 3L))).isTrue();
        } finally {
            mirror.stop();
        }
    }

    private static MockConsumer<String, String> consumer(long end) {
        MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, null, null, null)));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.updateEndOffsets(Map.of(PARTITION, end));
        return consumer;
    }

    private static ConsumerRecord<String, String> record(long offset, String value) {
        return new ConsumerRecord<>(TOPIC, 0, offset, "key-" + offset, value);
    }
}
