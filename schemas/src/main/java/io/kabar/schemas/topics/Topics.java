package io.kabar.schemas.topics;

import io.kabar.schemas.AlertDelivery;
import io.kabar.schemas.AlertedArticle;
import io.kabar.schemas.ArticleCommand;
import io.kabar.schemas.ArticleCommandOutcome;
import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.ArticleRequestCompleted;
import io.kabar.schemas.BreakingAlert;
import io.kabar.schemas.PageView;
import io.kabar.schemas.RelatedLinks;
import io.kabar.schemas.RelatedLinksRefreshRequested;
import io.kabar.schemas.Subscription;
import io.kabar.schemas.SubscriptionRequestCompleted;
import io.kabar.schemas.TrendingRanking;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The one registry of Kabar's topics; no other place spells a topic name. */
public final class Topics {

    /** Every article's events keyed by article id; compaction keeps each article's current state. */
    public static final TopicSpec<String, ArticleEvent> ARTICLES = new TopicSpec<>(
            "news.articles",
            String.class,
            ArticleEvent.class,
            CleanupPolicy.COMPACT,
            Optional.empty(),
            "article events, key = article id; the latest event of an article is its current state");

    /** Results of write requests that carried an Idempotency-Key, kept a week so retries find them. */
    public static final TopicSpec<String, ArticleRequestCompleted> ARTICLE_REQUESTS = new TopicSpec<>(
            "news.article-requests",
            String.class,
            ArticleRequestCompleted.class,
            CleanupPolicy.COMPACT_DELETE,
            Optional.of(Duration.ofDays(7)),
            "completed idempotent article writes, key = Idempotency-Key");

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
            "article write requests, key = article id (slug for a new article)");

    /** What became of each article command, key = request id; every article-service instance reads them all. */
    public static final TopicSpec<String, ArticleCommandOutcome> ARTICLE_COMMAND_OUTCOMES = new TopicSpec<>(
            "news.article-command-outcomes",
            String.class,
            ArticleCommandOutcome.class,
            CleanupPolicy.DELETE,
            Optional.of(Duration.ofDays(1)),
            "outcomes of article write requests, key = request id");

    /** Reader page views keyed by article id; a stream kept a week. */
    public static final TopicSpec<String, PageView> PAGE_VIEWS = new TopicSpec<>(
            "news.page-views",
            String.class,
            PageView.class,
            CleanupPolicy.DELETE,
            Optional.of(Duration.ofDays(7)),
            "page views, key = article id");

    /** The "Baca Juga" list of every article, key = article id; written by related-links-service only. */
    public static final TopicSpec<String, RelatedLinks> RELATED_LINKS = new TopicSpec<>(
            "news.related-links",
            String.class,
            RelatedLinks.class,
            CleanupPolicy.COMPACT,
            Optional.empty(),
            "related articles per article, key = article id");

    /** Work items of related-links-service: lists to compute again, key = id of the article whose list it is. */
    public static final TopicSpec<String, RelatedLinksRefreshRequested> RELATED_LINKS_REQUESTS = new TopicSpec<>(
            "news.related-links-requests",
            String.class,
            RelatedLinksRefreshRequested.class,
            CleanupPolicy.DELETE,
            Optional.of(Duration.ofDays(1)),
            "related-links lists to compute again, key = article id");

    /** The "Terpopuler" rankings, key = window and category (see trending-service); written by trending-service only. */
    public static final TopicSpec<String, TrendingRanking> TRENDING = new TopicSpec<>(
            "news.trending",
            String.class,
            TrendingRanking.class,
            CleanupPolicy.COMPACT,
            Optional.empty(),
            "most viewed articles per window and category, key = window|category");

    /** Alert subscriptions, key = subscription id; a tombstone deletes one; written by notification-service only. */
    public static final TopicSpec<String, Subscription> SUBSCRIPTIONS = new TopicSpec<>(
            "news.subscriptions",
            String.class,
            Subscription.class,
            CleanupPolicy.COMPACT,
            Optional.empty(),
            "alert subscriptions, key = subscription id; tombstone = deleted");

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
            "completed idempotent subscribe requests, key = Idempotency-Key");

    /** Breaking-news alerts, key = article id; a week of them, for live streams and their resumption. */
    public static final TopicSpec<String, BreakingAlert> BREAKING_ALERTS = new TopicSpec<>(
            "news.breaking-alerts",
            String.class,
            BreakingAlert.class,
            CleanupPolicy.DELETE,
            Optional.of(Duration.ofDays(7)),
            "breaking-news alerts, key = article id");

    /** One record per alert and subscription to deliver, key = subscription id; written by the alert matcher. */
    public static final TopicSpec<String, AlertDelivery> ALERT_DELIVERIES = new TopicSpec<>(
            "news.alert-deliveries",
            String.class,
            AlertDelivery.class,
            CleanupPolicy.DELETE,
            Optional.of(Duration.ofDays(7)),
            "alert deliveries to make, key = subscription id");

    /** Deliveries waiting for another attempt after a failure, key = subscription id; each says when it is due. */
    public static final TopicSpec<String, AlertDelivery> ALERT_DELIVERY_RETRIES = new TopicSpec<>(
            "news.alert-delivery-retries",
            String.class,
            AlertDelivery.class,
            CleanupPolicy.DELETE,
            Optional.of(Duration.ofDays(1)),
            "alert deliveries to attempt again, key = subscription id");

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
            "newest revision seen and alert created per article, key = article id");

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
                TRENDING,
                SUBSCRIPTIONS,
                SUBSCRIPTION_REQUESTS,
                BREAKING_ALERTS,
                ALERT_DELIVERIES,
                ALERT_DELIVERY_RETRIES,
                ALERTED_ARTICLES);
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
