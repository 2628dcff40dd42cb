package io.kabar.trending.counting;

import io.kabar.trending.ranking.TrendingSettings;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a newly assigned partition's counting state up to its committed offset: from the snapshot this instance left
 * in its state directory when that is as recent, else by replaying the partition's views from a little before the
 * oldest one the rules may still need, up to the committed offset, without counting them again.
 */
final class PartitionRebuild implements AutoCloseable {

    private static final int SNAPSHOT_FORMAT = 1;
    private static final Logger log = LoggerFactory.getLogger(PartitionRebuild.class);

    private final TrendingSettings settings;
    private final Path directory;
    private final Map<String, Object> consumerProperties;
    private final PageViewReader reader;
    private final AtomicLong replayed;
    private KafkaConsumer<byte[], byte[]> replayer;

    PartitionRebuild(CountingOptions options, PageViewReader reader, AtomicLong replayed) {
        this.settings = options.settings();
        this.directory = options.stateDir().resolve("counting-" + options.groupId());
        this.consumerProperties = options.readerConsumer();
        this.reader = reader;
        this.replayed = replayed;
    }

    /** The partition's state at {@code committed} (null: nothing consumed yet, an empty state). */
    PartitionCounts rebuild(TopicPartition partition, OffsetAndMetadata committed) {
        PartitionCounts counts = new PartitionCounts(settings);
        if (committed == null) {
            return counts;
        }
        long end = committed.offset();
        long from = replayStart(partition, committed);
        Long snapshot = load(partition, counts);
        if (snapshot != null && snapshot == end) {
            return counts;
        }
        if (snapshot != null && snapshot >= from && snapshot < end) {
            from = snapshot;
        } else {
            counts = new PartitionCounts(settings);
        }
        replay(partition, counts, from, end);
        return counts;
    }

    /**
     * Where a replay must start: the committed metadata holds the partition's stream time {@code S}; a view that can
     * still arrive is at most the grace behind it and meets counted views at most a dedupe interval older, and record
     * timestamps (the time of ingest) may lie up to a grace after a view's time. Twice that span is replayed, so that
     * the dedupe's decisions just inside the span are the ones first made.
     */
    private long replayStart(TopicPartition partition, OffsetAndMetadata committed) {
        long streamTime;
        try {
            streamTime = Long.parseLong(committed.metadata());
        } catch (NumberFormatException e) {
            streamTime = System.currentTimeMillis();
        }
        long span = 2 * (settings.grace().toMillis() + settings.dedupeInterval().toMillis());
        OffsetAndTimestamp start = replayer()
                .offsetsForTimes(Map.of(partition, Math.max(0, streamTime - span)))
                .get(partition);
        return start == null ? committed.offset() : Math.min(start.offset(), committed.offset());
    }

    private void replay(TopicPartition partition, PartitionCounts counts, long from, long end) {
        KafkaConsumer<byte[], byte[]> consumer = replayer();
        consumer.assign(List.of(partition));
        consumer.seek(partition, from);
        long count = 0;
        while (consumer.position(partition) < end) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() >= end) {
                    break;
                }
                try {
                    var view = reader.decode(record);
                    if (view != null) {
                        PageViewReader.replay(counts, view);
                    }
                } catch (SerializationException e) {
                    // Dead-lettered when it was first read.
                }
                count++;
            }
        }
        consumer.unsubscribe();
        replayed.addAndGet(count);
        log.info(
                "rebuilt the counting state of {} by replaying {} records (offsets {} to {})",
                partition,
                count,
                from,
                end);
    }

    /** Writes the partition's state as of {@code offset}, its committed offset, replacing the previous snapshot. */
    void snapshot(TopicPartition partition, PartitionCounts counts, long offset) {
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, partition.toString(), ".tmp");
            try (var out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
                out.writeInt(SNAPSHOT_FORMAT);
                out.writeLong(offset);
                counts.writeTo(out);
            }
            Files.move(temporary, file(partition), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // Without it the next owner replays: slower, not wrong.
            log.warn("could not write the counting snapshot of {}", partition, e);
        }
    }

    /** Loads the partition's snapshot into {@code counts}; returns its offset, or null without a readable one. */
    private Long load(TopicPartition partition, PartitionCounts counts) {
        Path file = file(partition);
        if (!Files.exists(file)) {
            return null;
        }
        try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != SNAPSHOT_FORMAT) {
                return null;
            }
            long offset = in.readLong();
            counts.readFrom(in);
            return offset;
        } catch (IOException | UncheckedIOException e) {
            log.warn("ignoring the unreadable counting snapshot {}", file, e);
            return null;
        }
    }

    private Path file(TopicPartition partition) {
        return directory.resolve(partition + ".counts");
    }

    private KafkaConsumer<byte[], byte[]> replayer() {
        if (replayer == null) {
            replayer =
                    new KafkaConsumer<>(consumerProperties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }
        return replayer;
    }

    @Override
    public void close() {
        if (replayer != null) {
            replayer.close();
        }
    }
}
