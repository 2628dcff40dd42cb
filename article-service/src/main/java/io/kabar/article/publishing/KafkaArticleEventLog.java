package io.kabar.article.publishing;

import io.kabar.article.catalog.ArticleRecords;
import io.kabar.schemas.ArticleEventType;
import io.kabar.schemas.ArticleRequestCompleted;
import io.kabar.schemas.topics.Topics;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Writes article changes to {@code news.articles}, and completed idempotent requests to {@code news.article-requests},
 * in Kafka transactions: a change and its request record are recorded together or not at all. Changes that arrive
 * while a transaction commits share the next one (group commit), because a commit, not a send, is what a write costs.
 */
final class KafkaArticleEventLog implements ArticleEventLog, DisposableBean {

    private static final int MAX_BATCH = 64;

    private final DefaultKafkaProducerFactory<String, Object> producers;
    private final KafkaTemplate<String, Object> template;
    private final BlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
    private final Thread writer = new Thread(this::write, "article-event-log");

    /** A change waiting for its transaction, and the caller waiting for the outcome. */
    private record Pending(ArticleChange change, Optional<CompletedRequest> request, CompletableFuture<Void> done) {
    }

    KafkaArticleEventLog(DefaultKafkaProducerFactory<String, Object> producers) {
        this.producers = producers;
        this.template = new KafkaTemplate<>(producers);
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void append(ArticleChange change, Optional<CompletedRequest> request) {
        Pending entry = new Pending(change, request, new CompletableFuture<>());
        pending.add(entry);
        try {
            // No timeout of our own: the producer's own timeouts bound every transaction, so the outcome is never unknown.
            entry.done().get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof org.apache.kafka.common.KafkaException || cause instanceof org.springframework.kafka.KafkaException) {
                throw new Unavailable("the broker did not acknowledge the change: " + cause.getMessage(), cause);
            }
            throw new IllegalStateException("recording the change failed", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while waiting for the broker", e);
        }
    }

    private void write() {
        while (!Thread.currentThread().isInterrupted()) {
            List<Pending> batch = new ArrayList<>();
            try {
                batch.add(pending.take());
            } catch (InterruptedException e) {
                return;
            }
            pending.drainTo(batch, MAX_BATCH - 1);
            try {
                template.executeInTransaction(operations -> {
                    batch.forEach(entry -> send(operations, entry));
                    return null;
                });
                batch.forEach(entry -> entry.done().complete(null));
            } catch (RuntimeException e) {
                // The transaction was aborted: none of the batch is recorded, and every caller hears so.
                batch.forEach(entry -> entry.done().completeExceptionally(e));
            }
        }
    }

    private static void send(KafkaOperations<String, Object> operations, Pending entry) {
        ArticleChange change = entry.change();
        operations.send(Topics.ARTICLES.name(), change.article().id(), ArticleRecords.toEvent(change.article(),
                ArticleEventType.valueOf(change.kind().name()), change.at()));
        entry.request().ifPresent(r -> operations.send(Topics.ARTICLE_REQUESTS.name(), r.key(),
                ArticleRequestCompleted.newBuilder()
                        .setIdempotencyKey(r.key())
                        .setRequestFingerprint(r.fingerprint())
                        .setCompletedAt(r.at())
                        .setArticle(ArticleRecords.toAvro(r.article()))
                        .build()));
    }

    @Override
    public void destroy() throws InterruptedException {
        writer.interrupt();
        writer.join();
        List<Pending> left = new ArrayList<>();
        pending.drainTo(left);
        left.forEach(entry -> entry.done().completeExceptionally(
                new org.apache.kafka.common.KafkaException("the service is shutting down")));
        producers.destroy();
    }
}
