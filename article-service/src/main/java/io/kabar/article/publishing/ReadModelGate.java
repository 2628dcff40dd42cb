package io.kabar.article.publishing;

import io.kabar.platform.kafka.TopicMirror;
import io.kabar.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a command owner back (bounded) until its read model has read everything committed to the articles and
 * requests topics, so that it never decides against an article a former owner changed a moment ago.
 */
final class ReadModelGate {

    private static final Logger LOG = LoggerFactory.getLogger(ReadModelGate.class);
    private static final Duration PAUSE = Duration.ofMillis(5);

    private final TopicMirror<?> articles;
    private final TopicMirror<?> requests;
    private final Duration timeout;

    ReadModelGate(TopicMirror<?> articles, TopicMirror<?> requests, Duration timeout) {
        this.articles = articles;
        this.requests = requests;
        this.timeout = timeout;
    }

    /**
     * Whether an article the command names may have a revision this owner has not read yet: one it does not know,
     * or one older than the command says. Revisions after the first are written by this partition's owners only,
     * so a known revision that matches or exceeds the command's is current.
     */
    static boolean mayBeBehind(Command command, OwnerState state) {
        return command.kind() != Command.Kind.PUBLISH
                && state.article(command.articleId())
                        .map(a -> a.revision() < command.expectedRevision())
                        .orElse(true);
    }

    /** Waits (bounded) until the mirrors have read up to the end offsets the consumer sees now. */
    void awaitCaughtUp(Consumer<?, ?> c) {
        Map<TopicPartition, Long> articleEnds = ends(c, Topics.ARTICLES.name());
        Map<TopicPartition, Long> requestEnds = ends(c, Topics.ARTICLE_REQUESTS.name());
        Instant deadline = Instant.now().plus(timeout);
        while (!(articles.hasReached(articleEnds) && requests.hasReached(requestEnds))) {
            if (Instant.now().isAfter(deadline)) {
                LOG.warn(
                        "the read model did not catch up with the log within {}; deciding with what it holds", timeout);
                return;
            }
            try {
                Thread.sleep(PAUSE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Map<TopicPartition, Long> ends(Consumer<?, ?> c, String topic) {
        return c.endOffsets(c.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList());
    }
}
