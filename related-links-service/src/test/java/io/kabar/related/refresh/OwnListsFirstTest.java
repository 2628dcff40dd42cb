package io.kabar.related.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import io.kabar.schemas.RelatedLinksRefreshRequested;
import io.kabar.schemas.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OwnListsFirstTest {

    private static final TopicPartition OWN = new TopicPartition(Topics.RELATED_LINKS_OWN_REQUESTS.name(), 0);
    private static final TopicPartition BACK_LINKS = new TopicPartition(Topics.RELATED_LINKS_REQUESTS.name(), 0);

    private final MockConsumer<String, RelatedLinksRefreshRequested> consumer = new MockConsumer<>("earliest");
    private final AtomicLong now = new AtomicLong();
    private final OwnListsFirst ownListsFirst = new OwnListsFirst(now::get);

    @BeforeEach
    void assigned() {
        consumer.assign(List.of(OWN, BACK_LINKS));
        consumer.updateEndOffsets(Map.of(OWN, 0L, BACK_LINKS, 40L));
        consumer.seek(OWN, 0);
        consumer.seek(BACK_LINKS, 0);
    }

    @Test
    void pausesTheBackLinksOnceOwnListRequestsHaveWaitedUnreadTooLongAndResumesThemOnceRead() {
        consumer.updateEndOffsets(Map.of(OWN, 3L));
        ownListsFirst.steer(consumer);
        assertThat(consumer.paused()).isEmpty();

        after(OwnListsFirst.OVERDUE);
        ownListsFirst.steer(consumer);
        assertThat(consumer.paused()).containsExactly(BACK_LINKS);

        consumer.seek(OWN, 3);
        after(Duration.ofMillis(10));
        ownListsFirst.steer(consumer);
        assertThat(consumer.paused()).isEmpty();
    }

    @Test
    void leavesTheBackLinksRunningWhileUnreadOwnListRequestsAreNotOverdue() {
        consumer.updateEndOffsets(Map.of(OWN, 3L));
        for (int batch = 0; batch < 9; batch++) {
            ownListsFirst.steer(consumer);
            after(OwnListsFirst.OVERDUE.dividedBy(10));
        }

        assertThat(consumer.paused()).isEmpty();
    }

    @Test
    void countsARequestOverdueFromTheFirstSnapshotThatSawItWrittenNotFromTheOldestSnapshot() {
        ownListsFirst.steer(consumer);
        after(OwnListsFirst.OVERDUE.dividedBy(2));
        consumer.updateEndOffsets(Map.of(OWN, 3L));
        ownListsFirst.steer(consumer);

        after(OwnListsFirst.OVERDUE.dividedBy(2));
        ownListsFirst.steer(consumer);
        assertThat(consumer.paused())
                .as("only the requests written before the first batch are overdue")
                .isEmpty();

        after(OwnListsFirst.OVERDUE.dividedBy(2));
        ownListsFirst.steer(consumer);
        assertThat(consumer.paused()).containsExactly(BACK_LINKS);
    }

    @Test
    void leavesTheBackLinksRunningWhenTheBrokerCannotSayWhetherOwnListRequestsAreWaiting() {
        consumer.updateEndOffsets(Map.of(OWN, 3L));
        consumer.setOffsetsException(new TimeoutException("no answer"));

        ownListsFirst.steer(consumer);
        after(OwnListsFirst.OVERDUE);
        ownListsFirst.steer(consumer);

        assertThat(consumer.paused()).isEmpty();
    }

    private void after(Duration elapsed) {
        now.addAndGet(elapsed.toNanos());
    }
}
