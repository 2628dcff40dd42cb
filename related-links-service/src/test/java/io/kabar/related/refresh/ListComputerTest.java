package io.kabar.related.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import io.kabar.schemas.RelatedLinksRefreshRequested;
import io.kabar.schemas.topics.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ListComputerTest {

    private static final TopicPartition OWN = new TopicPartition(Topics.RELATED_LINKS_OWN_REQUESTS.name(), 0);
    private static final TopicPartition BACK_LINKS = new TopicPartition(Topics.RELATED_LINKS_REQUESTS.name(), 0);

    @Test
    void computesOwnListsBeforeBackLinksAndEachListOnceWithItsNewestCause() {
        List<ConsumerRecord<String, RelatedLinksRefreshRequested>> batch = List.of(
                request(BACK_LINKS, "a", "x", 1),
                request(BACK_LINKS, "b", "x", 1),
                request(OWN, "x", "x", 1),
                request(BACK_LINKS, "a", "y", 2),
                request(BACK_LINKS, "y", "z", 1),
                request(OWN, "y", "y", 2),
                request(BACK_LINKS, "a", "x", 3));

        List<ListComputer.Pending> lists = ListComputer.coalesce(batch);

        assertThat(lists).extracting(ListComputer.Pending::listId).containsExactly("x", "y", "a", "b");
        assertThat(lists).extracting(ListComputer.Pending::firstIndex).containsExactly(2, 4, 0, 1);
        // y was asked for as a back-link too, but its own change makes it a full ranking; a and b only grow.
        assertThat(lists).extracting(ListComputer.Pending::own).containsExactly(true, true, false, false);
        assertThat(lists.get(1).causes()).containsExactlyInAnyOrderEntriesOf(Map.of("y", 2L, "z", 1L));
        assertThat(lists.get(2).causes()).containsExactlyInAnyOrderEntriesOf(Map.of("x", 3L, "y", 2L));
    }

    private static ConsumerRecord<String, RelatedLinksRefreshRequested> request(
            TopicPartition partition, String list, String cause, long revision) {
        return new ConsumerRecord<>(
                partition.topic(),
                partition.partition(),
                0,
                list,
                RelatedLinksRefreshRequested.newBuilder()
                        .setArticleId(list)
                        .setRequestedAt(Instant.EPOCH)
                        .setCause("NEIGHBOUR_CHANGED")
                        .setCauseArticleId(cause)
                        .setCauseRevision(revision)
                        .build());
    }
}
