package io.kabar.schemas.topics;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

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
 */
public record TopicSpec<K, V>(
        String name,
        Class<K> keyType,
        Class<V> valueType,
        CleanupPolicy cleanup,
        Optional<Duration> retention,
        String description,
        TopicAccess access) {

    /** Dead-letter topics keep failed records for two weeks: long enough to inspect and replay them. */
    static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(14);

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(cleanup, "cleanup");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(access, "access");
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
                access.deadLetter());
    }

    @Override
    public String toString() {
        return name;
    }
}
