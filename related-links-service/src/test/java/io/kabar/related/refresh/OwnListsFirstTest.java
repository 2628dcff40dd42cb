package io.kabar.related.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import io.kabar.schemas.RelatedLinksRefreshRequested;
import io.kabar.schemas.topics.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OwnListsFirstTest {

    private static final TopicPartition OWN = new TopicPartition(Topics.RELATED_LINKS_OWN_REQUESTS.name(), 0);
    private static final TopicPartition BACK_LINKS = new TopicPartition(Topics.RELATED_LINKS_REQUESTS.name(), 0);

    private final MockConsumer<String, RelatedLinksRefreshRequested> consumer = new MockConsumer<>("earliest");
    private final OwnListsFirst ownListsFirst = new OwnListsFirst();

    @BeforeEach
    void assigned() {
        consumer.assign(List.of(OWN, BACK_LINKS));
        consumer.updateEndOffsets(Map.of(OWN, 0L, BACK_LINKS, 40L));
        consumer.seek(OWN, 0);
        consumer.seek(BACK_LINKS, 0);
    }

    @Test
    void pausesTheBackLinksForOwnListRequestsThatAPollLeftUnreadAndResumesThemOnceRead() {
        consumer.updateEndOffsets(Map.of(OWN, 3L));
        ownListsFirst.steer(consumer);
        assertThat(consumer.paused()).isEmpty();

        ownListsFirst.steer(consumer);
        assertThat(consumer.paused()).containsExactly(BACK_LINKS);

        consumer.seek(OWN, 3);
        ownListsFirst.steer(consumer);
        assertThat(consumer.paused()).isEmpty();
    }

    @Test
    void doesNotPauseForOwnListRequestsWrittenSinceThePreviousBatchWhichMayNotBeFetchedYet() {
        ownListsFirst.steer(consumer);
        consumer.updateEndOffsets(Map.of(OWN, 3L));

        ownListsFirst.steer(consumer);

        assertThat(consumer.paused()).isEmpty();
    }

    @Test
    void leavesTheBackLinksRunningWhenTheBrokerCannotSayWhetherOwnListRequestsAreWaiting() {
        consumer.updateEndOffsets(Map.of(OWN, 3L));
        consumer.setOffsetsException(new TimeoutException("no answer"));

        ownListsFirst.steer(consumer);
        ownListsFirst.steer(consumer);

        assertThat(consumer.paused()).isEmpty();
    }
}
