package io.kabar.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void givesEachTopicADeadLetterTopicOfRawBytes() {
        TopicSpec<byte[], byte[]> deadLetter = Topics.ARTICLES.deadLetter();

        assertThat(deadLetter.name()).isEqualTo("news.articles.dlt");
        assertThat(deadLetter.valueType()).isEqualTo(byte[].class);
        assertThat(deadLetter.cleanup()).isEqualTo(CleanupPolicy.DELETE);
    }
}
