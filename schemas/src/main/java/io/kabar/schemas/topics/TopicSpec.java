package io.kabar.schemas.topics;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Describes one Kafka topic: its name, the types of its keys and values, and how it is kept.
 *
 * @param name        the topic name
 * @param keyType     the Java type of record keys
 * @param valueType   the Java type of record values (an Avro generated class, or {@code byte[]} for dead letters)
 * @param cleanup     the cleanup policy
 * @param retention   how long records are kept, where the policy deletes; empty for forever
 * @param description one line for operators
 * @param access      which services write and read it (Kafka ACLs are generated from this)
 * @param segment     how soon a segment rolls ({@code segment.ms}) where the broker default (7 days) would keep an
 *                    article's text too long: retention and compaction never touch the segment being written, so
 *                    a record is gone at the latest one segment after its retention; empty for the default
 * @param partitions  how many partitions the topic has where its readers need a fixed number; empty for the
 *                    deployment's default ({@code kabar.kafka.partitions})
 */
public record TopicSpec<K, V>(
        String name,
        Class<K> keyType,
        Class<V> valueType,
        CleanupPolicy cleanup,
        Optional<Duration> retention,
        String description,
        TopicAccess access,
        Optional<Duration> segment,
        OptionalInt partitions) {

    /** Dead-letter topics keep failed records for two weeks: long enough to inspect and replay them. */
    static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(14);

    /** Dead-letter segments roll daily, so that a dead letter is gone at most a day after its retention. */
    static final Duration DEAD_LETTER_SEGMENT = Duration.ofDays(1);

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(cleanup, "cleanup");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(partitions, "partitions");
        partitions.ifPresent(count -> {
            if (count < 1) {
                throw new IllegalArgumentException("partitions must be at least 1: " + count);
            }
        });
    }

    /** A topic with the deployment's default number of partitions. */
    public TopicSpec(
            String name,
            Class<K> keyType,
            Class<V> valueType,
            CleanupPolicy cleanup,
            Optional<Duration> retention,
            String description,
            TopicAccess access,
            Optional<Duration> segment) {
        this(name, keyType, valueType, cleanup, retention, description, access, segment, OptionalInt.empty());
    }

    /** A topic whose segments roll as the broker's default says. */
    public TopicSpec(
            String name,
            Class<K> keyType,
            Class<V> valueType,
            CleanupPolicy cleanup,
            Optional<Duration> retention,
            String description,
            TopicAccess access) {
        this(name, keyType, valueType, cleanup, retention, description, access, Optional.empty());
    }

    /** This topic with {@code count} partitions, whatever the deployment's default. */
    public TopicSpec<K, V> withPartitions(int count) {
        return new TopicSpec<>(
                name, keyType, valueType, cleanup, retention, description, access, segment, OptionalInt.of(count));
    }

    /** The topic that receives this topic's records that could not be processed, raw bytes and failure headers. */
    public TopicSpec<byte[], byte[]> deadLetter() {
        return new TopicSpec<>(
                name + ".dlt",
                byte[].class,
                byte[].class,
                CleanupPolicy.DELETE,
                Optional.of(DEAD_LETTER_RETENTION),
                "records of " + name + " that could not be processed",
                access.deadLetter(),
                Optional.of(DEAD_LETTER_SEGMENT));
    }

    @Override
    public String toString() {
        return name;
    }
}
