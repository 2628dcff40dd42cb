package io.kabar.related.refresh;

import io.kabar.schemas.topics.Topics;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * Lets a compute consumer hand out own-list requests it has already fetched before the back-link requests it
 * fetched earlier: its back-link partitions are paused for one poll whenever own-list requests that were already
 * written when the previous poll began are still unread.
 *
 * <p>Why "already written then": the consumer hands out what it fetched in the order it arrived, so own-list
 * requests fetched after some back-link read-ahead wait behind it, and pausing the back-links lets the next poll
 * return them at once. Own-list requests written since the previous poll may not be fetched yet; pausing for those
 * would make the consumer sit out a whole fetch wait (the coalescing interval) with nothing to do, which cut the
 * back-links' throughput by half when tried. The backlog is asked of the broker (end offsets against the position):
 * the lag a consumer reports for a partition is only brought up to date once it reaches that partition's fetched
 * data, so behind a read-ahead it reads zero.
 */
final class OwnListsFirst {

    private static final String OWN = Topics.RELATED_LINKS_OWN_REQUESTS.name();
    private static final String BACK_LINKS = Topics.RELATED_LINKS_REQUESTS.name();

    /** How long a batch's end waits for the broker to tell how far the own-list partitions reach. */
    private static final Duration ASK_WITHIN = Duration.ofSeconds(2);

    // Consumer -> end offsets of its own-list partitions at the end of its previous batch; each consumer is used by
    // its container's thread only, and a consumer closed on a restart is forgotten with it.
    private final Map<Consumer<?, ?>, Map<TopicPartition, Long>> endsBefore =
            Collections.synchronizedMap(new WeakHashMap<>());

    /** Called on the consumer's thread after each batch: pauses or resumes its back-link partitions. */
    void steer(Consumer<?, ?> consumer) {
        List<TopicPartition> own = partitions(consumer, OWN);
        List<TopicPartition> backLinks = partitions(consumer, BACK_LINKS);
        Map<TopicPartition, Long> before = endsBefore.get(consumer);
        Map<TopicPartition, Long> now = endOffsets(consumer, own);
        endsBefore.put(consumer, now);
        boolean fetchedAndWaiting = before != null
                && own.stream()
                        .anyMatch(partition -> before.getOrDefault(partition, 0L) > position(consumer, partition));
        if (fetchedAndWaiting) {
            consumer.pause(backLinks);
        } else {
            consumer.resume(backLinks);
        }
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
