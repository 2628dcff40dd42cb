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
import java.util.Optional;
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
 * alerts twice. A later event of an alerted article that readers would notice (see {@link FollowUps}), or its
 * tombstone, is followed up the same way: an update or a retraction under the same alert id, fanned out to those who
 * were sent the alert, once per change. An article's tombstone (a takedown) also tombstones its alert.
 */
final class ArticleMatcher {

    private final KafkaTemplate<String, Object> template;
    private final AlertLedger ledger;
    private final FanOutWriter fanOut;
    private final FollowUps followUps;
    private final Clock clock;
    private final Duration alertWindow;
    private final Counter alertsCreated;
    private final MeterRegistry meters;

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
        this.followUps = new FollowUps(properties.alertWindow());
        this.clock = clock;
        this.alertWindow = properties.alertWindow();
        this.meters = meters;
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
        Instant now = clock.instant();
        if (event == null) {
            onTombstone(record, now);
            // A takedown: the article's alert (title, summary, URL) goes at the next compaction of the alerts topic.
            // Takedowns are rare, so one tombstone for an article that never alerted costs nothing worth a lookup.
            template.send(Topics.BREAKING_ALERTS.name(), record.key(), null);
            return;
        }
        Article article = event.getArticle();
        boolean unpublished = event.getEventType() == ArticleEventType.UNPUBLISHED;
        boolean liveAndBreaking = !unpublished && article.getBreaking();
        boolean recent = !event.getOccurredAt().isBefore(now.minus(alertWindow));
        var change = new FollowUps.Change(
                unpublished,
                article.getRevision(),
                article.getTitle(),
                article.getSummary(),
                article.getUrl(),
                event.getOccurredAt());
        ledger.decide(record.partition(), article.getId(), article.getRevision(), liveAndBreaking, recent)
                .ifPresent(step -> {
                    Optional<Alert> message = step.alert()
                            ? Optional.of(alertOf(article, now))
                            : followUps.after(step.next().last(), change, now);
                    apply(record.partition(), article.getId(), step.next(), message, now);
                });
    }

    /** A deleted article (a takedown ends with one): retracts its alert unless that is done already. */
    private void onTombstone(ConsumerRecord<String, ArticleEvent> record, Instant now) {
        ledger.current(record.key()).ifPresent(entry -> {
            var gone = new FollowUps.Change(
                    true, entry.revision(), null, null, null, Instant.ofEpochMilli(record.timestamp()));
            followUps
                    .after(entry.last(), gone, now)
                    .ifPresent(
                            retraction -> apply(record.partition(), record.key(), entry, Optional.of(retraction), now));
        });
    }

    private void apply(int partition, String articleId, AlertLedger.Entry next, Optional<Alert> message, Instant now) {
        if (message.isPresent()) {
            Alert alert = message.get();
            next = next.withLast(alert);
            template.send(Topics.BREAKING_ALERTS.name(), articleId, AlertRecords.toAvro(alert));
            fanOut.start(alert);
        }
        AlertedArticle state = AlertedArticle.newBuilder()
                .setArticleId(articleId)
                .setRevision(next.revision())
                .setAlertId(next.alertId())
                .setLastAlert(next.last() == null ? null : AlertRecords.toAvro(next.last()))
                .setUpdatedAt(now)
                .build();
        // Same partition number as the event: whoever owns the event's partition finds the state there.
        template.send(new ProducerRecord<>(Topics.ALERTED_ARTICLES.name(), partition, articleId, state));
        AlertLedger.Entry committed = next;
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                ledger.record(articleId, committed);
                message.ifPresent(ArticleMatcher.this::count);
            }
        });
    }

    private void count(Alert message) {
        if (message.type() == Alert.Type.CREATED) {
            alertsCreated.increment();
        } else {
            Counter.builder("kabar.notifications.alerts.followed")
                    .description("updates and retractions of alerts issued")
                    .tag("type", message.type().wireName())
                    .register(meters)
                    .increment();
        }
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
