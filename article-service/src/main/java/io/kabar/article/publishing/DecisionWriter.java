package io.kabar.article.publishing;

import io.kabar.article.catalog.ArticleRecords;
import io.kabar.schemas.ArticleEventType;
import io.kabar.schemas.ArticleRequestCompleted;
import io.kabar.schemas.topics.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Records one batch's decisions (article events, completed requests, outcomes) together with the command offsets
 * they consumed in one Kafka transaction, which fences a former owner of the partition that still writes.
 */
final class DecisionWriter {

    private final KafkaTemplate<String, Object> transactions;

    DecisionWriter(ProducerFactory<String, Object> producers) {
        this.transactions = new KafkaTemplate<>(producers);
    }

    void write(
            List<ArticlePublisher.Decision> decisions,
            Map<TopicPartition, OffsetAndMetadata> offsets,
            ConsumerGroupMetadata group) {
        transactions.executeInTransaction(operations -> {
            decisions.forEach(decision -> send(operations, decision));
            operations.sendOffsetsToTransaction(offsets, group);
            return null;
        });
    }

    private static void send(KafkaOperations<String, Object> operations, ArticlePublisher.Decision decision) {
        decision.change().ifPresent(change -> {
            String id = change.article().id();
            operations.send(
                    Topics.ARTICLES.name(),
                    id,
                    ArticleRecords.toEvent(
                            change.article(), eventType(change.kind()), change.at(), change.changedBy()));
            if (change.kind() == ArticleChange.Kind.TAKEN_DOWN) {
                // Readers drop the article on the content-free UNPUBLISHED event; the tombstone then lets
                // compaction remove every earlier event of it.
                operations.send(Topics.ARTICLES.name(), id, null);
            }
        });
        // The completed requests that created a taken-down article hold its text: tombstoned too.
        decision.forgotten().forEach(key -> operations.send(Topics.ARTICLE_REQUESTS.name(), key, null));
        decision.completed()
                .ifPresent(done -> operations.send(
                        Topics.ARTICLE_REQUESTS.name(),
                        done.key(),
                        ArticleRequestCompleted.newBuilder()
                                .setIdempotencyKey(done.key())
                                .setRequestFingerprint(done.fingerprint())
                                .setCompletedAt(done.at())
                                .setArticle(ArticleRecords.toAvro(done.article()))
                                .build()));
        operations.send(
                Topics.ARTICLE_COMMAND_OUTCOMES.name(),
                decision.outcome().requestId(),
                CommandRecords.toAvro(decision.outcome()));
    }

    private static ArticleEventType eventType(ArticleChange.Kind kind) {
        return kind == ArticleChange.Kind.TAKEN_DOWN
                ? ArticleEventType.UNPUBLISHED
                : ArticleEventType.valueOf(kind.name());
    }
}
