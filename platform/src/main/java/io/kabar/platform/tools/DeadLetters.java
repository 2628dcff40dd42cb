package io.kabar.platform.tools;

import io.kabar.schemas.topics.TopicSpec;
import io.kabar.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The operators' tool for dead letters: {@code show <topic>} prints what sits in the topic's dead-letter topic and
 * why, {@code replay <topic>} copies the dead letters back to the topic once the cause is fixed. Replays resume
 * where the previous one stopped (consumer group {@code kabar-dlt-replay.<topic>}).
 */
public final class DeadLetters {

    private static final String DLT_HEADER_PREFIX = "kafka_dlt-";

    private DeadLetters() {
    }

    public static void main(String[] args) {
        if (args.length != 2 || !List.of("show", "replay").contains(args[0])) {
            System.err.println("usage: DeadLetters show|replay <topic>   (broker from KABAR_BOOTSTRAP_SERVERS, default 127.0.0.1:9092)");
            System.exit(2);
        }
        TopicSpec<?, ?> topic = Topics.byName(args[1]).orElseThrow(() -> new IllegalArgumentException("unknown topic " + args[1]));
        String bootstrap = System.getenv().getOrDefault("KABAR_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
        boolean replay = args[0].equals("replay");
        int count = replay ? replay(bootstrap, topic) : show(bootstrap, topic);
        System.out.printf("%s %d record(s) of %s%n", replay ? "replayed" : "shown", count, topic.deadLetter().name());
    }

    private static int show(String bootstrap, TopicSpec<?, ?> topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap, "kabar-dlt-show." + System.nanoTime())) {
            return drain(consumer, topic, record -> System.out.printf("%s@%d key=%s %s%n", record.topic(), record.offset(),
                    text(record.key()), describe(record)));
        }
    }

    private static int replay(String bootstrap, TopicSpec<?, ?> topic) {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap, "kabar-dlt-replay." + topic.name());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            int count = drain(consumer, topic, record -> {
                RecordHeaders headers = new RecordHeaders();
                for (Header header : record.headers()) {
                    if (!header.key().startsWith(DLT_HEADER_PREFIX)) {
                        headers.add(header);
                    }
                }
                producer.send(new ProducerRecord<>(topic.name(), null, record.key(), record.value(), headers));
            });
            producer.flush();
            consumer.commitSync();
            return count;
        }
    }

    /** Reads the dead-letter topic from the group's position to its current end. */
    private static int drain(KafkaConsumer<byte[], byte[]> consumer, TopicSpec<?, ?> topic,
                             java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> action) {
        consumer.subscribe(List.of(topic.deadLetter().name()));
        int count = 0;
        int emptyPolls = 0;
        while (emptyPolls < 5) {
            var records = consumer.poll(Duration.ofMillis(500));
            emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
            for (ConsumerRecord<byte[], byte[]> record : records) {
                action.accept(record);
                count++;
            }
        }
        return count;
    }

    private static String describe(ConsumerRecord<byte[], byte[]> record) {
        StringBuilder out = new StringBuilder();
        Header offset = record.headers().lastHeader(DLT_HEADER_PREFIX + "original-offset");
        if (offset != null && offset.value().length == Long.BYTES) {
            out.append("original-offset=").append(java.nio.ByteBuffer.wrap(offset.value()).getLong()).append(' ');
        }
        Header message = record.headers().lastHeader(DLT_HEADER_PREFIX + "exception-message");
        if (message != null) {
            out.append("reason=").append(text(message.value()));
        }
        return out.toString().strip();
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "null" : new String(bytes, StandardCharsets.UTF_8);
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap, String group) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
