package io.kabar.platform.tools;

import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.RelatedLinks;
import io.kabar.schemas.serde.AvroDeserializer;
import io.kabar.schemas.serde.SchemaRegistry;
import io.kabar.schemas.topics.CleanupPolicy;
import io.kabar.schemas.topics.TopicSpec;
import io.kabar.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Decides which dead letters may go back to their topic. A stream takes them all; a compacted topic, where the last
 * write of a key wins, takes a dead letter only when it is newer than the key's current state in the topic, so that
 * a replay never takes a key back to an older revision (or revives a deleted one).
 */
final class ReplayGuard {

    /** What orders the values of a compacted topic's key: newer states have larger numbers. */
    private static final Map<String, ToLongFunction<SpecificRecord>> REVISIONS = Map.of(
            Topics.ARTICLES.name(), value -> ((ArticleEvent) value).getArticle().getRevision(),
            Topics.RELATED_LINKS.name(),
                    value -> ((RelatedLinks) value).getComputedAt().toEpochMilli());

    /** Whether to replay a dead letter, and why, for the operator's report. */
    record Verdict(boolean keep, String reason) {}

    /** A key's current state: its revision, or {@link Long#MAX_VALUE} when no replay may replace it, and why. */
    private record State(long revision, String description) {

        static State of(long revision) {
            return new State(revision, "the current revision " + revision);
        }

        static State untouchable(String why) {
            return new State(Long.MAX_VALUE, why);
        }
    }

    private final TopicSpec<?, ?> topic;
    private final AvroDeserializer<? extends SpecificRecord> values;
    private final ToLongFunction<SpecificRecord> revision;
    /** The current state of each key the replay touches. */
    private final Map<String, State> current = new HashMap<>();

    private ReplayGuard(TopicSpec<?, ?> topic, SchemaRegistry schemas) {
        this.topic = topic;
        this.revision = REVISIONS.get(topic.name());
        this.values =
                topic.cleanup() == CleanupPolicy.DELETE || !SpecificRecord.class.isAssignableFrom(topic.valueType())
                        ? null
                        : new AvroDeserializer<>(topic.valueType().asSubclass(SpecificRecord.class), schemas);
    }

    /** A guard for replaying {@code deadLetters} into {@code topic}, knowing the current state of their keys. */
    static ReplayGuard load(
            TopicSpec<?, ?> topic,
            Collection<ConsumerRecord<byte[], byte[]>> deadLetters,
            String bootstrap,
            SchemaRegistry schemas) {
        ReplayGuard guard = new ReplayGuard(topic, schemas);
        if (guard.values != null) {
            Set<String> keys = new HashSet<>();
            deadLetters.forEach(record -> keys.add(text(record.key())));
            guard.readCurrent(keys, bootstrap);
        }
        return guard;
    }

    /** Judges the dead letter against the current state of its key; a kept one becomes that key's current state. */
    Verdict judge(byte[] key, byte[] value) {
        if (values == null) {
            return new Verdict(true, "a stream takes every record");
        }
        String id = text(key);
        State replayed;
        try {
            replayed = stateOf(value == null ? null : values.deserialize(topic.name(), value));
        } catch (RuntimeException e) {
            return new Verdict(false, "cannot be decoded: " + e.getMessage());
        }
        State now = current.get(id);
        if (now == null) {
            current.put(id, replayed);
            return new Verdict(true, "the key has no current state");
        }
        if (replayed.revision() == Long.MAX_VALUE || replayed.revision() <= now.revision()) {
            return new Verdict(false, "not newer than " + now.description());
        }
        current.put(id, replayed);
        return new Verdict(true, "newer than " + now.description());
    }

    private State stateOf(SpecificRecord value) {
        if (value == null) {
            return State.untouchable("a deletion (tombstone)");
        }
        if (revision == null) {
            return State.untouchable("a state whose records carry no revision to compare");
        }
        return State.of(revision.applyAsLong(value));
    }

    /** Reads the topic from its start to its end as it stands now, keeping the last state of each of {@code keys}. */
    private void readCurrent(Set<String> keys, String bootstrap) {
        Map<String, byte[]> latest = new HashMap<>();
        try (var consumer = TopicReads.consumer(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false))) {
            TopicReads.readToEnd(consumer, topic.name(), false, record -> {
                String id = text(record.key());
                if (keys.contains(id)) {
                    latest.put(id, record.value());
                }
            });
        }
        latest.forEach((id, value) -> current.put(id, currentState(value)));
    }

    private State currentState(byte[] value) {
        try {
            return stateOf(value == null ? null : values.deserialize(topic.name(), value));
        } catch (RuntimeException e) {
            return State.untouchable("a current state that cannot be decoded");
        }
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
