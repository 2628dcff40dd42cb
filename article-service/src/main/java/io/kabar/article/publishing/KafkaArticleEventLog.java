package io.kabar.article.publishing;

import io.kabar.article.catalog.ArticleRecords;
import io.kabar.schemas.ArticleEventType;
import io.kabar.schemas.ArticleRequestCompleted;
import io.kabar.schemas.topics.Topics;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Writes article changes to {@code news.articles}, and completed idempotent requests to {@code news.article-requests},
 * in one Kafka transaction: both are recorded or neither is.
 */
final class KafkaArticleEventLog implements ArticleEventLog, DisposableBean {

    private final DefaultKafkaProducerFactory<String, Object> producers;
    private final KafkaTemplate<String, Object> template;

    KafkaArticleEventLog(DefaultKafkaProducerFactory<String, Object> producers) {
        this.producers = producers;
        this.template = new KafkaTemplate<>(producers);
    }

    @Override
    public void destroy() {
        producers.destroy();
    }

    @Override
    public void append(ArticleChange change, Optional<CompletedRequest> request) {
        try {
            template.executeInTransaction(operations -> {
                operations.send(
                        Topics.ARTICLES.name(),
                        change.article().id(),
                        ArticleRecords.toEvent(
                                change.article(),
                                ArticleEventType.valueOf(change.kind().name()),
                                change.at(),
                                change.changedBy()));
                request.ifPresent(r -> operations.send(
                        Topics.ARTICLE_REQUESTS.name(),
                        r.key(),
                        ArticleRequestCompleted.newBuilder()
                                .setIdempotencyKey(r.key())
                                .setRequestFingerprint(r.fingerprint())
                                .setCompletedAt(r.at())
                                .setArticle(ArticleRecords.toAvro(r.article()))
                                .build()));
                return null;
            });
        } catch (org.apache.kafka.common.KafkaException | org.springframework.kafka.KafkaException e) {
            throw new Unavailable("the broker did not acknowledge the change: " + e.getMessage(), e);
        }
    }

    /**
     * Takes an article down in one transaction: the UNPUBLISHED event of the stripped article (so every reader drops
     * it), then a tombstone for it, and tombstones for the idempotency records that held its content; once compacted,
     * nothing of it is left in either topic.
     */
    void takeDown(ArticleChange stripped, List<String> requestKeys) {
        String id = stripped.article().id();
        try {
            template.executeInTransaction(operations -> {
                operations.send(
                        Topics.ARTICLES.name(),
                        id,
                        ArticleRecords.toEvent(
                                stripped.article(), ArticleEventType.UNPUBLISHED, stripped.at(), stripped.changedBy()));
                operations.send(Topics.ARTICLES.name(), id, null);
                requestKeys.forEach(key -> operations.send(Topics.ARTICLE_REQUESTS.name(), key, null));
                return null;
            });
        } catch (org.apache.kafka.common.KafkaException | org.springframework.kafka.KafkaException e) {
            throw new Unavailable("the broker did not acknowledge the takedown: " + e.getMessage(), e);
        }
    }
}
