package io.kabar.related.refresh;

import io.kabar.schemas.topics.Topics;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * Lets a compute consumer's own-list requests overtake the back-link requests it fetched before them once they are
 * overdue: its back-link partitions are paused for a poll whenever own-list requests that were already written
 * {@link #OVERDUE} ago are still unread.
 *
 * <p>Why only when overdue: the consumer hands out what it fetched in the order it arrived, so an own-list request
 * fetched after some back-link read-ahead waits for it, which is a poll or two and harmless while lists are cheap.
 * A pause costs the back-links dearly: the own-list partitions alone rarely hold the fetch's minimum, so a paused
 * poll may sit out the whole coalescing interval. Pausing after every batch in which own-list requests waited
 * (issue 17, fourth to sixth attempts) left a burst's back-links 6-9 s late for own lists that were on time anyway;
 * pausing only for overdue ones spends that only where an own list would otherwise be late, as when a burst begins
 * on code the JIT has not compiled yet. The backlog is asked of the broker (end offsets against the position): the
 * lag a consumer reports is only brought up to date once it reaches that partition's fetched data.
 */
final class OwnListsFirst {

    /** How long an own-list request may wait unread before the back-links are held back for it. */
    static final Duration OVERDUE = Duration.ofMillis(500);

    private static final String OWN = Topics.RELATED_LINKS_OWN_REQUESTS.name();
    private static final String BACK_LINKS = Topics.RELATED_LINKS_REQUESTS.name();

    /** How long a batch's end waits for the broker to tell how far the own-list partitions reach. */
    private static final Duration ASK_WITHIN = Duration.ofSeconds(2);

    /** Snapshots closer together than this are not kept: the age of what is unread need not be known finer. */
    private static final long SNAPSHOT_EVERY_NANOS = OVERDUE.toNanos() / 10;

    /** End offsets of a consumer's own-list partitions, and when they were asked for. */
    private record Ends(long at, Map<TopicPartition, Long> offsets) {}

    private final LongSupplier nanoTime;
    // Consumer -> its snapshots, oldest first; each consumer is used by its container's thread only, and a consumer
    // closed on a restart is forgotten with it.
    private final Map<Consumer<?, ?>, Deque<Ends>> history = Collections.synchronizedMap(new WeakHashMap<>());

    OwnListsFirst() {
        this(System::nanoTime);
    }

    /** For tests: another clock than {@link System#nanoTime()}. */
    OwnListsFirst(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Called on the consumer's thread after each batch: pauses or resumes its back-link partitions. */
    void steer(Consumer<?, ?> consumer) {
        List<TopicPartition> own = partitions(consumer, OWN);
        List<TopicPartition> backLinks = partitions(consumer, BACK_LINKS);
        long now = nanoTime.getAsLong();
        Deque<Ends> snapshots = history.computeIfAbsent(consumer, c -> new ArrayDeque<>());
        if (snapshots.isEmpty() || now - snapshots.peekLast().at() >= SNAPSHOT_EVERY_NANOS) {
            snapshots.addLast(new Ends(now, endOffsets(consumer, own)));
        }
        Ends due = overdueSnapshot(snapshots, now);
        boolean waiting = due != null
                && own.stream()
                        .anyMatch(
                                partition -> due.offsets().getOrDefault(partition, 0L) > position(consumer, partition));
        if (waiting) {
            consumer.pause(backLinks);
        } else {
            consumer.resume(backLinks);
        }
    }

    /**
     * The newest snapshot at least {@link #OVERDUE} old, whose requests are overdue if still unread, or null; the
     * snapshots before it are of no more use and dropped.
     */
    private static Ends overdueSnapshot(Deque<Ends> snapshots, long now) {
        Ends due = null;
        while (!snapshots.isEmpty() && now - snapshots.peekFirst().at() >= OVERDUE.toNanos()) {
            due = snapshots.pollFirst();
        }
        if (due != null) {
            snapshots.addFirst(due);
        }
        return due;
    }

    private static List<TopicPartition> partitions(Consumer<?, ?> consumer, String topic) {
        return consumer.assignment().stream()
                .filter(partition -> partition.topic().equals(topic))
                .toList();
    }

    private static Map<TopicPartition, Long> endOffsets(Consumer<?, ?> consumer, List<TopicPartition> own) {
        try {
            return own.isEmpty() ? Map.of() : consumer.endOffsets(own, ASK_WITHIN);
        } catch (KafkaException unknown) {
            // The broker could not say (away or slow): back-links are not held back on a guess.
            return Map.of();
        }
    }

    private static long position(Consumer<?, ?> consumer, TopicPartition partition) {
        try {
            return consumer.position(partition, ASK_WITHIN);
        } catch (KafkaException unknown) {
            return Long.MAX_VALUE;
        }
    }
}
