package io.kabar.platform.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an in-memory view of a whole topic: reads every partition from the beginning, then follows it, handing
 * each record (tombstones as {@code null}) to a sink; reports when it has caught up with the end of the log as it
 * stood at start, and that it has not while the latest record of some key could not be decoded; resumes from where
 * it was after a reconnect. Every instance of a service reads everything, so it uses no consumer group and commits
 * nothing.
 */
public final class TopicMirror<V> extends TopicFollower<V> {

    private static final Logger log = LoggerFactory.getLogger(TopicMirror.class);

    private final String topic;
    private final BiConsumer<String, V> sink;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final Map<String, String> undecodable = new ConcurrentHashMap<>();

    TopicMirror(String topic, Supplier<Consumer<String, V>> consumers, BiConsumer<String, V> sink) {
        super("mirror-" + topic, consumers);
        this.topic = topic;
        this.sink = sink;
    }

    public String topic() {
        return topic;
    }

    /** True once the mirror has read the log as it stood at start and the latest record of every key was decoded. */
    public boolean isCaughtUp() {
        return caughtUp.getCount() == 0 && undecodable.isEmpty();
    }

    /**
     * The keys whose latest record could not be decoded, each with where it is and why: the view lacks their
     * current state until a decodable record (or a tombstone) for the key follows.
     */
    public Map<String, String> undecodable() {
        return Map.copyOf(undecodable);
    }

    /**
     * Waits until the mirror has read the log as it stood at start, whether or not every record could be decoded;
     * false if that took longer than {@code timeout}.
     */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Whether the mirror has read every partition at least up to the given offsets (such as the end offsets a writer
     * saw): what it feeds then holds everything committed before them.
     */
    public boolean hasReached(Map<TopicPartition, Long> offsets) {
        return hasRead(offsets);
    }

    /**
     * Reads from where it stopped: the beginning the first time, the next unread offset of each partition after a
     * reconnect, so that a broker blip does not make it read (and feed) the whole topic again.
     */
    @Override
    protected void follow(Consumer<String, V> c) {
        List<TopicPartition> partitions = resume(c, topic, Start.BEGINNING);
        Map<TopicPartition, Long> end = caughtUp.getCount() == 0 ? Map.of() : c.endOffsets(partitions);
        while (following()) {
            for (ConsumerRecord<String, V> record : poll(c)) {
                apply(record);
            }
            remember(c, partitions);
            if (caughtUp.getCount() > 0 && hasRead(end)) {
                log.info("mirror of {} caught up", topic);
                caughtUp.countDown();
            }
        }
    }

    @Override
    protected void skipped(RecordDeserializationException e) {
        ByteBuffer key = e.keyBuffer();
        String id = key == null
                ? "(no key)"
                : StandardCharsets.UTF_8.decode(key.duplicate()).toString();
        undecodable.put(id, e.topicPartition() + "@" + e.offset() + ": " + e.getMessage());
    }

    private void apply(ConsumerRecord<String, V> record) {
        if (record.key() != null) {
            undecodable.remove(record.key());
        }
        try {
            sink.accept(record.key(), record.value());
        } catch (RuntimeException e) {
            log.error(
                    "could not apply record {}-{}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.toString());
        }
    }
}
