package io.kabar.schemas.topics;

/**
 * The Kabar services as Kafka knows them: each connects as its own principal, and every consumer group and
 * transactional id it uses starts with its resource prefix, so ACLs can scope them per service.
 */
public enum Service {
    ARTICLE_SERVICE("article-service", "article-service", false),
    RELATED_LINKS_SERVICE("related-links-service", "related-links-service", false),
    NOTIFICATION_SERVICE("notification-service", "notification-", false),
    /** A Kafka Streams application: its internal topics also start with the prefix (its application id). */
    TRENDING_SERVICE("trending-service", "trending-service", true),
    /** The reader site: mirrors the articles it renders, writes nothing. */
    SITE("site", "site", false);

    private final String user;
    private final String resourcePrefix;
    private final boolean streams;

    Service(String user, String resourcePrefix, boolean streams) {
        this.user = user;
        this.resourcePrefix = resourcePrefix;
        this.streams = streams;
    }

    /** The SASL user name the service logs in with (its module name). */
    public String user() {
        return user;
    }

    /** The Kafka principal of the service, as ACLs name it. */
    public String principal() {
        return "User:" + user;
    }

    /** The prefix of the service's consumer groups and transactional ids (and Streams internal topics). */
    public String resourcePrefix() {
        return resourcePrefix;
    }

    /** Whether the service is a Kafka Streams application that creates internal topics under its prefix. */
    public boolean streams() {
        return streams;
    }
}
