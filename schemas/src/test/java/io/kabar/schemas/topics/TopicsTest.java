package io.kabar.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void namesEveryTopicOnce() {
        assertThat(Topics.allWithDeadLetters()).extracting(TopicSpec::name).doesNotHaveDuplicates();
    }

    @Test
    void keepsArticlesAsACompactedTableAndPageViewsAsARetainedStream() {
        assertThat(Topics.ARTICLES.cleanup()).isEqualTo(CleanupPolicy.COMPACT);
        assertThat(Topics.ARTICLES.retention()).isEmpty();
        assertThat(Topics.PAGE_VIEWS.cleanup()).isEqualTo(CleanupPolicy.DELETE);
        assertThat(Topics.PAGE_VIEWS.retention()).isPresent();
    }

    /**
     * The stream topics that carry an article's text roll hourly, dead letters daily, so that a takedown's bound is
     * their retention plus that (the broker's default segment is a week); alerts are compacted, so that a takedown's
     * tombstone removes them.
     */
    @Test
    void rollsTheSegmentsOfStreamTopicsHoldingArticleTextSoThatTakedownsHaveABound() {
        for (TopicSpec<?, ?> topic : List.of(
                Topics.ARTICLE_COMMANDS,
                Topics.ARTICLE_COMMAND_OUTCOMES,
                Topics.ALERT_DELIVERIES,
                Topics.ALERT_DELIVERY_RETRIES,
                Topics.ALERT_FANOUTS)) {
            assertThat(topic.segment()).as(topic.name()).contains(Duration.ofHours(1));
        }
        assertThat(Topics.ARTICLES.deadLetter().segment()).contains(Duration.ofDays(1));
        assertThat(Topics.BREAKING_ALERTS.cleanup()).isEqualTo(CleanupPolicy.COMPACT_DELETE);
    }

    /** The ranking stage reads every count in one task, with no repartition: only a one-partition topic allows it. */
    @Test
    void fixesTheTrendingCountsAtOnePartitionAndLeavesTheOthersToTheDeployment() {
        assertThat(Topics.TRENDING_COUNTS.partitions()).hasValue(1);
        assertThat(Topics.TRENDING_COUNTS.deadLetter().partitions()).isEmpty();
        assertThat(Topics.all())
                .filteredOn(topic -> topic != Topics.TRENDING_COUNTS)
                .allSatisfy(
                        topic -> assertThat(topic.partitions()).as(topic.name()).isEmpty());
    }

    @Test
    void givesEachTopicADeadLetterTopicOfRawBytes() {
        TopicSpec<byte[], byte[]> deadLetter = Topics.ARTICLES.deadLetter();

        assertThat(deadLetter.name()).isEqualTo("news.articles.dlt");
        assertThat(deadLetter.valueType()).isEqualTo(byte[].class);
        assertThat(deadLetter.cleanup()).isEqualTo(CleanupPolicy.DELETE);
    }
}
