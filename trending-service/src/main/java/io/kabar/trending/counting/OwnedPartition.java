package io.kabar.trending.counting;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;

/**
 * A partition a loop owns: its counting state, the position after the last record applied to it, and whether it has
 * applied records since its last commit.
 */
final class OwnedPartition {

    private final PartitionCounts counts;
    private long position;
    private boolean dirty;

    OwnedPartition(PartitionCounts counts, long position) {
        this.counts = counts;
        this.position = position;
    }

    PartitionCounts counts() {
        return counts;
    }

    long position() {
        return position;
    }

    /** Moves past a record (whether or not it counted). */
    void consumed(long offset) {
        position = offset + 1;
        dirty = true;
    }

    boolean dirty() {
        return dirty;
    }

    void committed() {
        dirty = false;
    }

    /** The offset to commit, with the partition's stream time as metadata: where a rebuild's replay starts from. */
    OffsetAndMetadata offset() {
        return new OffsetAndMetadata(position, Long.toString(counts.streamTime()));
    }
}
