package io.kabar.schemas.topics;

import static io.kabar.schemas.topics.Service.ARTICLE_SERVICE;
import static io.kabar.schemas.topics.Service.NOTIFICATION_SERVICE;
import static io.kabar.schemas.topics.Service.RELATED_LINKS_SERVICE;
import static io.kabar.schemas.topics.Service.SITE;
import static io.kabar.schemas.topics.Service.TRENDING_SERVICE;

import io.kabar.schemas.AlertDelivery;
import io.kabar.schemas.AlertFanOut;
import io.kabar.schemas.AlertedArticle;
import io.kabar.schemas.ArticleCommand;
import io.kabar.schemas.ArticleCommandOutcome;
import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.ArticleRequestCompleted;
import io.kabar.schemas.BreakingAlert;
import io.kabar.schemas.HeldAlerts;
import io.kabar.schemas.PageView;
import io.kabar.schemas.RelatedLinks;
import io.kabar.schemas.RelatedLinksRefreshRequested;
import io.kabar.schemas.Subscription;
import io.kabar.schemas.SubscriptionRequestCompleted;
import io.kabar.schemas.TrendingCounts;
import io.kabar.schemas.TrendingRanking;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The one registry of Kabar's topics; no other place spells a topic name. */
public final class Topics {

    /**
     * How soon the segments of stream topics that hold an article's text roll: with retention {@code R}, a taken-down
     * article's text is gone from them within {@code R} + one hour (+ the broker's retention check, 5 minutes).
     * Declared before the topics that use it: static fields are initialised in order.
     */
    static final Optional<Duration> TEXT_SEGMENT = Optional.of(Duration.ofHours(1));

    /** Every article's events keyed by article id; compaction keeps each article's current state. */
    public static final TopicSpec<String, ArticleEvent> ARTICLES = new TopicSpec<>(
            "news.articles",
            String.class,
            ArticleEvent.class,
            CleanupPolicy.COMPACT,
            Optional.empty(),
            "article events, key = article id; the latest event of an article is its current state",
            TopicAccess.writtenBy(ARTICLE_SERVICE)
                    .readBy(ARTICLE_SERVICE, RELATED_LINKS_SERVICE, NOTIFICATION_SERVICE, TRENDING_SERVICE, SITE));

    /** Results of write requests that carried an Idempotency-Key, kept a week so retries find them. */
    public static final TopicSpec<String, ArticleRequestCompleted> ARTICLE_REQUESTS = new TopicSpec<>(
            "news.article-requests",
            String.class,
            ArticleRequestCompleted.class,
            CleanupPolicy.COMPACT_DELETE,
            Optional.of(Duration.ofDays(7)),
            "completed idempotent article writes, key = Idempotency-Key",
            TopicAccess.writtenBy(ARTICLE_SERVICE).readBy(ARTICLE_SERVICE));

    /**
     * Newsroom write requests, key = what must be applied one at a time: the article id, or for a new article the
     * slug its title gives; each partition's owner in the {@code article-service} group applies them in order.
     */
    public static final TopicSpec<String, ArticleCommand> ARTICLE_COMMANDS = new TopicSpec<>(
            "news.article-commands",
            String.class,
            ArticleCommand.class,
            CleanupPolicy.DELETE,
            Optional.of(Duration.ofDays(1)),
            "article write requests, key = article id (slug for a new article)",
            TopicAccess.writtenBy(ARTICLE_SERVICE).readBy(ARTICLE_SERVICE),
            TEXT_SEGMENT);

    /** What became of each article command, key = request id; every article-service instance reads them all. */
    public static final TopicSpec<String, ArticleCommandOutcome> ARTICLE_COMMAND_OUTCOMES = new TopicSpec<>(
            "news.article-command-outcomes",
            String.class,
            ArticleCommandOutcome.class,
            CleanupPolicy.DELETE,
            Optional.of(Duration.ofDays(1)),
            "outcomes of article write requests, key = request id",
            TopicAccess.writtenBy(ARTICLE_SERVICE).readBy(ARTICLE_SERVICE),
            TEXT_SEGMENT);

    /**
     * Reader page views keyed by the client address hash, or the session id without one (so that trending counts each
     * view in one partition, see trending-service's README); a stream kept a week.
     */
    public static final TopicSpec<String, PageView> PAGE_VIEWS = new TopicSpec<>(
            "news.page-views",
            String.class,
            PageView.class,
            CleanupPolicy.DELETE,
            Optional.of(Duration.ofDays(7)),
            "page views, key = client address hash, else session id",
            TopicAccess.writtenBy(TRENDING_SERVICE).readBy(TRENDING_SERVICE));

    /** The "Baca Juga" list of every article, key = article id; written by related-links-service only. */
    public static final TopicSpec<String, RelatedLinks> RELATED_LINKS = new TopicSpec<>(
            "news.related-links",
            String.class,
            RelatedLinks.class,
            CleanupPolicy.COMPACT,
            Optional.empty(),
            "related articles per article, key = article id",
            TopicAccess.writtenBy(RELATED_LINKS_SERVICE).readBy(RELATED_LINKS_SERVICE, SITE));

    /** Work items of related-links-service: lists to compute again, key = id of the article whose list it is. */
    public static final TopicSpec<String, RelatedLinksRefreshRequested> RELATED_LINKS_REQUESTS = new TopicSpec<>(
            "news.related-links-requests",
            String.class,
            RelatedLinksRefreshRequested.class,
            CleanupPolicy.DELETE,
            Optional.of(Duration.ofDays(1)),
            "related-links lists to compute again, key = article id",
            TopicAccess.writtenBy(RELATED_LINKS_SERVICE).readBy(RELATED_LINKS_SERVICE));

    /**
     * The same work items for the lists of the changed articles themselves, computed before any back-link refresh.
     * Co-partitioned with {@link #RELATED_LINKS_REQUESTS} (same key, same partition count): one consumer owns
     * partition p of both, so each list still has one writer.
     */
    public static final TopicSpec<String, RelatedLinksRefreshRequested> RELATED_LINKS_OWN_REQUESTS = new TopicSpec<>(
            "news.related-links-own-requests",
            String.class,
            RelatedLinksRefreshRequested.class,
            CleanupPolicy.DELETE,
            Optional.of(Duration.ofDays(1)),
            "related-links lists of changed articles to compute first, key = article id",
            TopicAccess.writtenBy(RELATED_LINKS_SERVICE).readBy(RELATED_LINKS_SERVICE));

    /** The "Terpopuler" rankings, key = window and category (see trending-service); written by trending-service only. */
    public static final TopicSpec<String, TrendingRanking> TRENDING = new TopicSpec<>(
            "news.trending",
            String.class,
            TrendingRanking.class,
            CleanupPolicy.COMPACT,
            Optional.empty(),
            "most viewed articles per window and category, key = window|category",
            TopicAccess.writtenBy(TRENDING_SERVICE).readBy(TRENDING_SERVICE, SITE));

    /**
     * Views trending-service counted per article and minute, as increments: one record per counting commit and
     * partition of {@link #PAGE_VIEWS} (key = that partition), from its counting to its ranking stage, each a moment
     * after it was written; kept a day. One partition, since its one reader, the ranking, needs every article in one
     * task: so it reads the topic as it is, with no repartition.
     */
    public static final TopicSpec<String, TrendingCounts> TRENDING_COUNTS = new TopicSpec<>(
                    "news.trending-counts",
                    String.class,
                    TrendingCounts.class,
                    CleanupPolicy.DELETE,
                    Optional.of(Duration.ofDays(1)),
                    "views counted per article and minute (increments), one record per counting commit and"
                            + " page-views partition, key = that partition",
                    TopicAccess.writtenBy(TRENDING_SERVICE).readBy(TRENDING_SERVICE))
            .withPartitions(1);

    /** Alert subscriptions, key = subscription id; a tombstone deletes one; written by notification-service only. */
    public static final TopicSpec<String, Subscription> SUBSCRIPTIONS = new TopicSpec<>(
            "news.subscriptions",
            String.class,
            Subscription.class,
            CleanupPolicy.COMPACT,
            Optional.empty(),
            "alert subscriptions, key = subscription id; tombstone = deleted",
            TopicAccess.writtenBy(NOTIFICATION_SERVICE).readBy(NOTIFICATION_SERVICE));

    /**
     * Subscribe requests that carried an Idempotency-Key, kept a week so retries find them; written in the same
     * transaction as the subscription. Holds no secret.
     */
    public static final TopicSpec<String, SubscriptionRequestCompleted> SUBSCRIPTION_REQUESTS = new TopicSpec<>(
            "news.subscription-requests",
            String.class,
            SubscriptionRequestCompleted.class,
            CleanupPolicy.COMPACT_DELETE,
            Optional.of(Duration.ofDays(7)),
            "completed idempotent subscribe requests, key = Idempotency-Key",
            TopicAccess.writtenBy(NOTIFICATION_SERVICE).readBy(NOTIFICATION_SERVICE));

    /**
     * Breaking-news alerts, key = article id; a week of them, for live streams and their resumption. Compacted too, so
     * that the tombstone a takedown writes removes the article's alert (title, summary) before the week is out.
     */
    public static final TopicSpec<String, BreakingAlert> BREAKING_ALERTS = new TopicSpec<>(
            "news.breaking-alerts",
            String.class,
            BreakingAlert.class,
            CleanupPolicy.COMPACT_DELETE,
            Optional.of(Duration.ofDays(7)),
            "breaking-news alerts, key = article id",
            TopicAccess.writtenBy(NOTIFICATION_SERVICE).readBy(NOTIFICATION_SERVICE));

    /** One record per alert and subscription to deliver, key = subscription id; written by the alert matcher. */
    public static final TopicSpec<String, AlertDelivery> ALERT_DELIVERIES = new TopicSpec<>(
            "news.alert-deliveries",
            String.class,
            AlertDelivery.class,
            CleanupPolicy.DELETE,
            Optional.of(Duration.ofDays(7)),
            "alert deliveries to make, key = subscription id",
            TopicAccess.writtenBy(NOTIFICATION_SERVICE).readBy(NOTIFICATION_SERVICE),
            TEXT_SEGMENT);

    /** Deliveries waiting for another attempt after a failure, key = subscription id; each says when it is due. */
    public static final TopicSpec<String, AlertDelivery> ALERT_DELIVERY_RETRIES = new TopicSpec<>(
            "news.alert-delivery-retries",
            String.class,
            AlertDelivery.class,
            CleanupPolicy.DELETE,
            Optional.of(Duration.ofDays(1)),
            "alert deliveries to attempt again, key = subscription id",
            TopicAccess.writtenBy(NOTIFICATION_SERVICE).readBy(NOTIFICATION_SERVICE),
            TEXT_SEGMENT);

    /**
     * The alert matcher's memory, key = article id, written in the same transaction as the alerts and in the same
     * partition number as the article's event, so that the owner of an articles partition owns its state.
     */
    public static final TopicSpec<String, AlertedArticle> ALERTED_ARTICLES = new TopicSpec<>(
            "news.alerted-articles",
            String.class,
            AlertedArticle.class,
            CleanupPolicy.COMPACT,
            Optional.empty(),
            "newest revision seen and alert created per article, key = article id",
            TopicAccess.writtenBy(NOTIFICATION_SERVICE).readBy(NOTIFICATION_SERVICE));

    /**
     * The schema registry the services own: every Avro schema any writer writes with, key = its CRC-64-AVRO
     * fingerprint in hex (as in the single-object encoding), value = the schema's JSON. Every writer registers its
     * own schemas; a key always carries the same value, so writers never disagree.
     */
    public static final TopicSpec<String, String> SCHEMAS = new TopicSpec<>(
            "news.schemas",
            String.class,
            String.class,
            CleanupPolicy.COMPACT,
            Optional.empty(),
            "writer schemas, key = 64-bit schema fingerprint (hex), value = schema JSON",
            // The one shared topic: every service registers the schemas it writes with and reads the others'.
            new TopicAccess(EnumSet.allOf(Service.class), EnumSet.allOf(Service.class)));

    /**
     * Where each large alert's fan-out stands, key = alert id: the alert matcher writes the deliveries of one alert in
     * chunks, each in a transaction of its own with the record that says where the next chunk starts.
     */
    public static final TopicSpec<String, AlertFanOut> ALERT_FANOUTS = new TopicSpec<>(
            "news.alert-fanouts",
            String.class,
            AlertFanOut.class,
            CleanupPolicy.DELETE,
            Optional.of(Duration.ofDays(1)),
            "fan-out progress of large alerts (next chunk to write), key = alert id",
            TopicAccess.writtenBy(NOTIFICATION_SERVICE).readBy(NOTIFICATION_SERVICE),
            TEXT_SEGMENT);

    /**
     * Each paced subscription's daily count and the alerts held back for its next digest (quiet hours, daily caps),
     * key = subscription id, written in the same partition number as the subscription's deliveries, so that the
     * webhook worker owning a partition of {@code news.alert-deliveries} owns its state.
     */
    public static final TopicSpec<String, HeldAlerts> HELD_ALERTS = new TopicSpec<>(
            "news.held-alerts",
            String.class,
            HeldAlerts.class,
            CleanupPolicy.COMPACT,
            Optional.empty(),
            "alerts counted today and held for the next digest per subscription, key = subscription id",
            TopicAccess.writtenBy(NOTIFICATION_SERVICE).readBy(NOTIFICATION_SERVICE));

    private Topics() {}

    /** Every topic the platform owns, without dead-letter topics. */
    public static List<TopicSpec<?, ?>> all() {
        return List.of(
                ARTICLES,
                ARTICLE_REQUESTS,
                ARTICLE_COMMANDS,
                ARTICLE_COMMAND_OUTCOMES,
                PAGE_VIEWS,
                RELATED_LINKS,
                RELATED_LINKS_REQUESTS,
                RELATED_LINKS_OWN_REQUESTS,
                TRENDING,
                TRENDING_COUNTS,
                SUBSCRIPTIONS,
                SUBSCRIPTION_REQUESTS,
                BREAKING_ALERTS,
                ALERT_DELIVERIES,
                ALERT_DELIVERY_RETRIES,
                ALERTED_ARTICLES,
                ALERT_FANOUTS,
                HELD_ALERTS,
                SCHEMAS);
    }

    /** The registered topic of that name, if any. */
    public static Optional<TopicSpec<?, ?>> byName(String name) {
        return allWithDeadLetters().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** Every topic the platform owns, each followed by its dead-letter topic. */
    public static List<TopicSpec<?, ?>> allWithDeadLetters() {
        return all().stream().flatMap(t -> Stream.of(t, t.deadLetter())).toList();
    }
}
