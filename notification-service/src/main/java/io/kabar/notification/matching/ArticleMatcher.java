package io.kabar.notification.matching;

import io.kabar.notification.NotificationProperties;
import io.kabar.notification.alerts.Alert;
import io.kabar.notification.alerts.AlertRecords;
import io.kabar.schemas.AlertUrgency;
import io.kabar.schemas.AlertedArticle;
import io.kabar.schemas.Article;
import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.ArticleEventType;
import io.kabar.schemas.topics.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads article events in Kafka transactions and, for an article that becomes breaking for the first time, writes
 * one alert, the first chunk of its deliveries (and where the next one starts, see {@link FanOutWriter}) and the
 * article's new state, together with the consumed offset: all of it is committed once or not at all, so no article
 * alerts twice.
 */
final class ArticleMatcher {

    private final KafkaTemplate<String, Object> template;
    private final AlertLedger ledger;
    private final FanOutWriter fanOut;
    private final Clock clock;
    private final Duration alertWindow;
    private final Counter alertsCreated;

    ArticleMatcher(
            KafkaTemplate<String, Object> template,
            AlertLedger ledger,
            FanOutWriter fanOut,
            Clock clock,
            NotificationProperties properties,
            MeterRegistry meters) {
        this.template = template;
        this.ledger = ledger;
        this.fanOut = fanOut;
        this.clock = clock;
        this.alertWindow = properties.alertWindow();
        this.alertsCreated = Counter.builder("kabar.notifications.alerts.created")
                .description("breaking-news alerts created")
                .register(meters);
    }

    @KafkaListener(
            id = "notification-matcher",
            groupId = "notification-matcher",
            topics = "#{T(io.kabar.schemas.topics.Topics).ARTICLES.name()}",
            containerFactory = "matcherContainerFactory")
    void onArticleEvent(ConsumerRecord<String, ArticleEvent> record) {
        ArticleEvent event = record.value();
        if (event == null) {
            return;
        }
        Article article = event.getArticle();
        Instant now = clock.instant();
        boolean liveAndBreaking = event.getEventType() != ArticleEventType.UNPUBLISHED && article.getBreaking();
        boolean recent = !event.getOccurredAt().isBefore(now.minus(alertWindow));
        ledger.decide(record.partition(), article.getId(), article.getRevision(), liveAndBreaking, recent)
                .ifPresent(step -> apply(record.partition(), article, step, now));
    }

    private void apply(int partition, Article article, AlertLedger.Step step, Instant now) {
        AlertLedger.Entry next = step.next();
        if (step.alert()) {
            Alert alert = alertOf(article, now);
            next = new AlertLedger.Entry(partition, next.revision(), alert.alertId());
            template.send(Topics.BREAKING_ALERTS.name(), article.getId(), AlertRecords.toAvro(alert));
            fanOut.write(alert, 1, "", 0);
        }
        AlertedArticle state = AlertedArticle.newBuilder()
                .setArticleId(article.getId())
                .setRevision(next.revision())
                .setAlertId(next.alertId())
                .setUpdatedAt(now)
                .build();
        // Same partition number as the event: whoever owns the event's partition finds the state there.
        template.send(new ProducerRecord<>(Topics.ALERTED_ARTICLES.name(), partition, article.getId(), state));
        AlertLedger.Entry committed = next;
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                ledger.record(article.getId(), committed);
                if (step.alert()) {
                    alertsCreated.increment();
                }
            }
        });
    }

    private static Alert alertOf(Article article, Instant now) {
        String id = UUID.nameUUIDFromBytes(
                        ("breaking|" + article.getId() + "|" + article.getRevision()).getBytes(StandardCharsets.UTF_8))
                .toString();
        return new Alert(
                id,
                article.getId(),
                article.getRevision(),
                article.getTitle(),
                article.getSummary(),
                article.getUrl(),
                article.getCategory(),
                article.getTags(),
                article.getPublishedAt(),
                now,
                article.getAlertUrgency() == AlertUrgency.CRITICAL);
    }
}
