package io.kabar.platform.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs one consumer (group-less, unless a subclass subscribes) on a thread of its own for the life of the application context: it reconnects after
 * a failure (the broker may be down at start or go away) and steps over records it cannot decode, so that what it
 * feeds is only as old as an outage and never stuck on one bad record.
 */
public abstract class TopicFollower<V> implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RECONNECT = Duration.ofSeconds(1);

    private final String name;
    private final Supplier<Consumer<String, V>> consumers;
    private volatile Consumer<String, V> consumer;
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread thread;

    protected TopicFollower(String name, Supplier<Consumer<String, V>> consumers) {
        this.name = name;
        this.consumers = consumers;
    }

    /** Reads with the consumer while {@link #following()}; called again with a new consumer after a failure. */
    protected abstract void follow(Consumer<String, V> consumer);

    /** Called first on stop, before the consumer is woken: the place to let go of whatever the follower serves. */
    protected void stopping() {}

    /** Called for each record stepped over because it could not be decoded, before the follower moves past it. */
    protected void skipped(RecordDeserializationException e) {}

    protected final boolean following() {
        return running;
    }

    /** Where a follower starts reading a partition it has not read before. */
    protected enum Start {
        BEGINNING,
        END
    }

    /**
     * Assigns every partition of the topic and seeks each to where this follower stopped reading it, so that a
     * reconnect resumes instead of reading everything again; a partition never read starts at {@code start}.
     */
    protected final List<TopicPartition> resume(Consumer<String, V> c, String topic, Start start) {
        List<TopicPartition> partitions = c.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        c.assign(partitions);
        for (TopicPartition partition : partitions) {
            Long position = positions.get(partition);
            if (position != null) {
                c.seek(partition, position);
            } else if (start == Start.BEGINNING) {
                c.seekToBeginning(List.of(partition));
            } else {
                c.seekToEnd(List.of(partition));
            }
        }
        return partitions;
    }

    /** Notes how far the consumer has read, after each poll, for {@link #resume} and {@link #hasRead}. */
    protected final void remember(Consumer<String, V> c, List<TopicPartition> partitions) {
        partitions.forEach(p -> positions.put(p, c.position(p)));
    }

    /** How far the follower has read the partition: the next offset it will read, 0 if it has read none. */
    protected final long position(TopicPartition partition) {
        return positions.getOrDefault(partition, 0L);
    }

    /** Whether the follower has read every partition up to the given offsets (such as end offsets seen elsewhere). */
    protected final boolean hasRead(Map<TopicPartition, Long> offsets) {
        return offsets.entrySet().stream().allMatch(e -> position(e.getKey()) >= e.getValue());
    }

    /** The records of one poll; an undecodable record is logged and stepped over instead of failing the follower. */
    protected final ConsumerRecords<String, V> poll(Consumer<String, V> c) {
        try {
            return c.poll(POLL);
        } catch (RecordDeserializationException e) {
            log.error(
                    "{}: skipping undecodable record {}@{}: {}", name, e.topicPartition(), e.offset(), e.getMessage());
            skipped(e);
            c.seek(e.topicPartition(), e.offset() + 1);
            return ConsumerRecords.empty();
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        stopping();
        Consumer<String, V> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            if (thread != null) {
                thread.join(Duration.ofSeconds(10).toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try (Consumer<String, V> c = consumers.get()) {
                consumer = c;
                follow(c);
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("{} interrupted, reconnecting: {}", name, e.toString());
                try {
                    Thread.sleep(RECONNECT.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
