package io.kabar.related.refresh;

import io.kabar.schemas.topics.Topics;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Keeps a compute consumer on the own lists of changed articles while any are waiting: its back-link partitions are
 * paused as long as one of its own-list partitions has requests it has not read, and resumed once none has.
 */
final class OwnListsFirst {

    private static final String OWN = Topics.RELATED_LINKS_OWN_REQUESTS.name();
    private static final String BACK_LINKS = Topics.RELATED_LINKS_REQUESTS.name();

    private OwnListsFirst() {}

    /**
     * Called on the consumer's thread after each batch. A pause lasts only while the lag the consumer last fetched is
     * positive, so the next poll returns own-list requests and this runs again: back-links are never paused for good.
     */
    static void steer(Consumer<?, ?> consumer) {
        Set<TopicPartition> assigned = consumer.assignment();
        boolean ownWaiting = assigned.stream()
                .filter(partition -> partition.topic().equals(OWN))
                .anyMatch(partition -> consumer.currentLag(partition).orElse(0) > 0);
        List<TopicPartition> backLinks = assigned.stream()
                .filter(partition -> partition.topic().equals(BACK_LINKS))
                .toList();
        if (ownWaiting) {
            consumer.pause(backLinks);
        } else {
            consumer.resume(backLinks);
        }
    }

    /** Whether a request asks for a changed article's own list rather than a back-link refresh. */
    static boolean isOwn(String topic) {
        return topic.equals(OWN);
    }
}
