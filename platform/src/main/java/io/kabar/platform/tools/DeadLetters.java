package io.kabar.platform.tools;

import io.kabar.schemas.serde.KafkaSchemaRegistry;
import io.kabar.schemas.topics.TopicSpec;
import io.kabar.schemas.topics.Topics;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The operators' tool for dead letters: {@code show <topic>} prints what sits in the topic's dead-letter topic and
 * why, {@code replay <topic>} copies the dead letters back to the topic once the cause is fixed, except, on a
 * compacted topic, those not newer than their key's current state ({@link ReplayGuard}), and reports each record it
 * kept or dropped. Replays resume where the previous one stopped (consumer group {@code kabar-dlt-replay.<topic>}).
 */
public final class DeadLetters {

    private static final String DLT_HEADER_PREFIX = "kafka_dlt-";

    private DeadLetters() {}

    public static void main(String[] args) {
        if (args.length != 2 || !List.of("show", "replay").contains(args[0])) {
            System.err.println(
                    "usage: DeadLetters show|replay <topic>   (broker from KABAR_BOOTSTRAP_SERVERS, default 127.0.0.1:9092)");
            System.exit(2);
        }
        run(args[0], args[1], System.getenv().getOrDefault("KABAR_BOOTSTRAP_SERVERS", "127.0.0.1:9092"), System.out);
    }

    /** Runs {@code show} or {@code replay} for the registered topic against the broker; answers how many records. */
    public static int run(String command, String topicName, String bootstrap, PrintStream out) {
        TopicSpec<?, ?> topic =
                Topics.byName(topicName).orElseThrow(() -> new IllegalArgumentException("unknown topic " + topicName));
        if (command.equals("replay")) {
            return replay(bootstrap, topic, out);
        }
        int count = show(bootstrap, topic, out);
        out.printf("shown %d record(s) of %s%n", count, topic.deadLetter().name());
        return count;
    }

    private static int show(String bootstrap, TopicSpec<?, ?> topic, PrintStream out) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap, "kabar-dlt-show." + System.nanoTime())) {
            return drain(
                    consumer,
                    topic,
                    record -> out.printf(
                            "%s@%d key=%s %s%n", record.topic(), record.offset(), text(record.key()), describe(record)),
                    null);
        }
    }

    /** Copies the dead letters that {@link ReplayGuard} keeps back to the topic; answers how many it copied. */
    private static int replay(String bootstrap, TopicSpec<?, ?> topic, PrintStream out) {
        Map<String, Object> props = TopicReads.secured(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true));
        List<ConsumerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap, "kabar-dlt-replay." + topic.name());
                KafkaProducer<byte[], byte[]> producer =
                        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
                KafkaSchemaRegistry schemas = new KafkaSchemaRegistry(
                        TopicReads.secured(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap)),
                        Duration.ofSeconds(10))) {
            drain(consumer, topic, deadLetters::add, () -> {
                ReplayGuard guard = ReplayGuard.load(topic, deadLetters, bootstrap, schemas);
                for (ConsumerRecord<byte[], byte[]> record : deadLetters) {
                    ReplayGuard.Verdict verdict = guard.judge(record.key(), record.value());
                    out.printf(
                            "%s %s@%d key=%s: %s%n",
                            verdict.keep() ? "kept" : "dropped",
                            record.topic(),
                            record.offset(),
                            text(record.key()),
                            verdict.reason());
                    if (verdict.keep()) {
                        sent.add(producer.send(new ProducerRecord<>(
                                topic.name(), null, record.key(), record.value(), withoutFailure(record))));
                    }
                }
                producer.flush();
                sent.forEach(DeadLetters::await);
            });
        }
        out.printf(
                "replayed %d record(s) of %s, dropped %d%n",
                sent.size(), topic.deadLetter().name(), deadLetters.size() - sent.size());
        return sent.size();
    }

    /** Fails the replay, before it commits its position, when a copy was not acknowledged. */
    private static void await(Future<RecordMetadata> copy) {
        try {
            copy.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a replayed record was not written: " + e.getCause(), e);
        }
    }

    private static RecordHeaders withoutFailure(ConsumerRecord<byte[], byte[]> record) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DLT_HEADER_PREFIX)) {
                headers.add(header);
            }
        }
        return headers;
    }

    /**
     * Reads the dead-letter topic from the group's committed position (or its start) to its end as it stands now, so
     * that records dead-lettered again while a replay runs wait for the next replay instead of looping.
     */
    private static int drain(
            KafkaConsumer<byte[], byte[]> consumer,
            TopicSpec<?, ?> topic,
            java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> action,
            Runnable beforeCommit) {
        int[] count = {0};
        Map<TopicPartition, Long> end =
                TopicReads.readToEnd(consumer, topic.deadLetter().name(), true, record -> {
                    action.accept(record);
                    count[0]++;
                });
        if (beforeCommit != null) {
            // Commit only what is safely copied: a failed flush throws, and the next replay starts over.
            beforeCommit.run();
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            end.forEach((partition, offset) -> done.put(partition, new OffsetAndMetadata(offset)));
            consumer.commitSync(done);
        }
        return count[0];
    }

    private static String describe(ConsumerRecord<byte[], byte[]> record) {
        StringBuilder out = new StringBuilder();
        Header offset = record.headers().lastHeader(DLT_HEADER_PREFIX + "original-offset");
        if (offset != null && offset.value().length == Long.BYTES) {
            out.append("original-offset=")
                    .append(java.nio.ByteBuffer.wrap(offset.value()).getLong())
                    .append(' ');
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
        return TopicReads.consumer(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false));
    }
}
