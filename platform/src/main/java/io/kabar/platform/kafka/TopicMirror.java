package io.kabar.platform.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Keeps an in-memory view of a whole topic: reads every partition from the beginning, then follows it, handing
 * each record (tombstones as {@code null}) to a sink; reports when it has caught up with the end of the log as it
 * stood at start. Every instance of a service reads everything, so it uses no consumer group and commits nothing.
 */
public final class TopicMirror<V> implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TopicMirror.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final String topic;
    private final Supplier<Consumer<String, V>> consumers;
    private final BiConsumer<String, V> sink;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile Consumer<String, V> consumer;
    private volatile Thread thread;
    private volatile boolean running;

    TopicMirror(String topic, Supplier<Consumer<String, V>> consumers, BiConsumer<String, V> sink) {
        this.topic = topic;
        this.consumers = consumers;
        this.sink = sink;
    }

    public String topic() {
        return topic;
    }

    public boolean isCaughtUp() {
        return caughtUp.getCount() == 0;
    }

    /** Waits until the mirror has read the log as it stood at start; false if that took longer than {@code timeout}. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "mirror-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
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
                // The broker may be down at start or go away: keep trying, the view is only as old as the outage.
                log.warn("mirror of {} interrupted, reconnecting: {}", topic, e.toString());
                pause();
            }
        }
    }

    private void follow(Consumer<String, V> c) {
        List<TopicPartition> partitions = c.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        c.assign(partitions);
        c.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = c.endOffsets(partitions);
        while (running) {
            try {
                for (ConsumerRecord<String, V> record : c.poll(POLL)) {
                    apply(record);
                }
            } catch (RecordDeserializationException e) {
                log.error("skipping undecodable record {}@{} of {}: {}", e.topicPartition(), e.offset(), topic, e.getMessage());
                c.seek(e.topicPartition(), e.offset() + 1);
            }
            if (!isCaughtUp() && partitions.stream().allMatch(p -> c.position(p) >= end.get(p))) {
                log.info("mirror of {} caught up", topic);
                caughtUp.countDown();
            }
        }
    }

    private void apply(ConsumerRecord<String, V> record) {
        try {
            sink.accept(record.key(), record.value());
        } catch (RuntimeException e) {
            log.error("could not apply record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.toString());
        }
    }

    private void pause() {
        try {
            Thread.sleep(POLL.toMillis() * 5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
