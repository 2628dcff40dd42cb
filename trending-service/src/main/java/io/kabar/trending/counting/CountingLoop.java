package io.kabar.trending.counting;

import io.kabar.schemas.PageView;
import io.kabar.schemas.topics.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One counting thread: consumes its partitions of {@code news.page-views}, applies the rules per partition ({@link
 * PartitionCounts}) and, every commit interval, sends the increments to {@code news.trending-counts} and commits the
 * consumed offsets in one transaction (exactly-once v2: the offsets go with the consumer's group metadata, so a zombie
 * is fenced by the group generation).
 *
 * <p>Any failure (an aborted transaction, a fenced producer) ends the session: the state is dropped, a new consumer
 * and producer rejoin and every partition is rebuilt from its committed offset, so nothing is counted twice.
 */
final class CountingLoop implements Runnable, ConsumerRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(CountingLoop.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final CountingOptions options;
    private final int index;
    private final String transactionalId;
    private final PageViewReader reader;
    private final PartitionRebuild rebuild;
    private final Map<TopicPartition, OwnedPartition> owned = new HashMap<>();
    private volatile boolean running = true;
    private volatile boolean ready;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private CountsTransaction transaction;
    private boolean failed;

    CountingLoop(CountingOptions options, int index, AtomicLong replayed) {
        this.options = options;
        this.index = index;
        this.transactionalId = options.groupId() + "-"
                + options.instanceId().orElse(UUID.randomUUID().toString()) + "-" + index;
        this.reader = new PageViewReader(options.schemas());
        this.rebuild = new PartitionRebuild(options, reader, replayed);
    }

    /** Whether every partition assigned to this loop has its state rebuilt and is being counted. */
    boolean ready() {
        return ready;
    }

    boolean running() {
        return running;
    }

    @Override
    public void run() {
        try {
            while (running) {
                try {
                    session();
                } catch (WakeupException e) {
                    // close() asked to stop.
                } catch (RuntimeException e) {
                    log.error("counting loop {} failed; rejoining and rebuilding from the committed offsets", index, e);
                    pause();
                }
            }
        } finally {
            rebuild.close();
        }
    }

    /** One consumer and transactional producer, until stopped or failed. */
    private void session() {
        ready = false;
        failed = false;
        owned.clear();
        try (var consumer = new KafkaConsumer<>(
                        options.loopConsumer(index), new ByteArrayDeserializer(), new ByteArrayDeserializer());
                var transaction = new CountsTransaction(options, transactionalId)) {
            this.consumer = consumer;
            this.transaction = transaction;
            consumer.subscribe(List.of(Topics.PAGE_VIEWS.name()), this);
            try {
                count(consumer);
                // Stopping: what was counted is handed on, and the state kept for this instance's next start.
                onPartitionsRevoked(List.copyOf(owned.keySet()));
            } catch (RuntimeException e) {
                // Nothing more is committed in this session (the consumer's close sees it): the next one rebuilds
                // from the committed offsets.
                failed = true;
                throw e;
            } finally {
                ready = false;
                this.consumer = null;
            }
        }
    }

    /** Counts what the consumer polls and commits every commit interval, until {@link #close()} wakes it up. */
    private void count(KafkaConsumer<byte[], byte[]> consumer) {
        long interval = options.commitInterval().toNanos();
        long nextCommit = System.nanoTime() + interval;
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(options.commitInterval())) {
                    apply(record);
                }
                if (System.nanoTime() - nextCommit >= 0) {
                    commit();
                    nextCommit = System.nanoTime() + interval;
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        OwnedPartition partition = owned.get(new TopicPartition(record.topic(), record.partition()));
        if (partition == null) {
            return;
        }
        partition.consumed(record.offset());
        PageView view;
        try {
            view = reader.decode(record);
        } catch (SerializationException e) {
            options.deadLetters().accept(record, e);
            return;
        }
        if (view != null) {
            PageViewReader.count(partition.counts(), view);
        }
    }

    /** Sends the increments and commits the consumed offsets in one transaction, if anything was consumed. */
    private void commit() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        Map<TopicPartition, PartitionCounts> counts = new HashMap<>();
        owned.forEach((partition, state) -> {
            if (state.dirty()) {
                offsets.put(partition, state.offset());
                counts.put(partition, state.counts());
            }
        });
        if (offsets.isEmpty()) {
            return;
        }
        try {
            transaction.commit(counts, offsets, consumer.groupMetadata());
        } catch (RuntimeException e) {
            // Also when a rebalance inside poll() commits: the listener calls that follow commit nothing more.
            failed = true;
            throw e;
        }
        offsets.keySet().forEach(partition -> owned.get(partition).committed());
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        if (failed) {
            partitions.forEach(owned::remove);
            return;
        }
        commit();
        for (TopicPartition partition : partitions) {
            OwnedPartition state = owned.remove(partition);
            if (state != null) {
                rebuild.snapshot(partition, state.counts(), state.position());
            }
        }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        partitions.forEach(owned::remove);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        ready = false;
        Map<TopicPartition, OffsetAndMetadata> committed = UpgradeOffsets.startOf(consumer, options, partitions);
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            PartitionCounts counts = rebuild.rebuild(partition, offset);
            owned.put(partition, new OwnedPartition(counts, offset == null ? 0 : offset.offset()));
            if (offset != null) {
                consumer.seek(partition, offset);
            }
        }
        log.info("counting loop {} owns {} (rebuilt to {})", index, owned.keySet(), committed);
        ready = true;
    }

    /** Stops the loop: it commits what it counted, writes its snapshots and leaves (a static member stays). */
    void close() {
        running = false;
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_AFTER);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
