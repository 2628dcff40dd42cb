package io.kabar.related.refresh;

import io.kabar.schemas.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * Keeps a compute consumer on the own lists of changed articles while any are waiting: its back-link partitions are
 * paused as long as one of its own-list partitions has requests it has not read, and resumed once none has.
 */
final class OwnListsFirst {

    private static final String OWN = Topics.RELATED_LINKS_OWN_REQUESTS.name();
    private static final String BACK_LINKS = Topics.RELATED_LINKS_REQUESTS.name();

    /** How long a batch's end waits for the broker to tell how far the own-list partitions reach. */
    private static final Duration ASK_WITHIN = Duration.ofSeconds(2);

    private OwnListsFirst() {}

    /**
     * Called on the consumer's thread after each batch. Whether own-list requests are waiting is asked of the broker
     * (the partitions' end offsets against the consumer's position), not taken from the lag the consumer last saw: a
     * fetched partition's lag is only updated once the consumer has worked through every fetch buffered before it,
     * so behind a backlog of back-links it read as zero and own lists waited for the whole backlog. A pause lasts
     * only while own-list requests are unread, so the next poll returns them and this runs again: back-links are
     * never paused for good.
     */
    static void steer(Consumer<?, ?> consumer) {
        Set<TopicPartition> assigned = consumer.assignment();
        List<TopicPartition> own = assigned.stream()
                .filter(partition -> partition.topic().equals(OWN))
                .toList();
        List<TopicPartition> backLinks = assigned.stream()
                .filter(partition -> partition.topic().equals(BACK_LINKS))
                .toList();
        if (!own.isEmpty() && ownWaiting(consumer, own)) {
            consumer.pause(backLinks);
        } else {
            consumer.resume(backLinks);
        }
    }

    private static boolean ownWaiting(Consumer<?, ?> consumer, List<TopicPartition> own) {
        try {
            Map<TopicPartition, Long> ends = consumer.endOffsets(own, ASK_WITHIN);
            return own.stream().anyMatch(partition -> {
                Long end = ends.get(partition);
                return end != null && end > consumer.position(partition, ASK_WITHIN);
            });
        } catch (KafkaException unknown) {
            // The broker could not say (it is away or slow): back-links are not held back on a guess.
            return false;
        }
    }

    /** Whether a request asks for a changed article's own list rather than a back-link refresh. */
    static boolean isOwn(String topic) {
        return topic.equals(OWN);
    }
}
