package io.kabar.article.publishing;

import io.kabar.platform.kafka.TopicFollower;
import io.kabar.schemas.ArticleCommandOutcome;
import io.kabar.schemas.topics.Topics;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads every outcome of every instance from where the log stood when this instance started (resuming there after
 * a reconnect) and hands those of its own requests to them. Writes wait until it is positioned.
 */
final class OutcomeFollower extends TopicFollower<ArticleCommandOutcome> {

    private final PendingOutcomes pending;
    private volatile boolean positioned;

    OutcomeFollower(Supplier<Consumer<String, ArticleCommandOutcome>> consumers, PendingOutcomes pending) {
        super("article-command-outcomes", consumers);
        this.pending = pending;
    }

    /** Whether an outcome written from now on will be seen. */
    boolean isPositioned() {
        return positioned;
    }

    @Override
    protected void follow(Consumer<String, ArticleCommandOutcome> c) {
        List<TopicPartition> partitions = resume(c, Topics.ARTICLE_COMMAND_OUTCOMES.name(), Start.END);
        remember(c, partitions);
        positioned = true;
        while (following()) {
            for (ConsumerRecord<String, ArticleCommandOutcome> record : poll(c)) {
                if (record.value() != null) {
                    pending.complete(CommandRecords.fromAvro(record.value()));
                }
            }
            remember(c, partitions);
        }
    }
}
