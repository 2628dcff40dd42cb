package io.kabar.schemas.topics;

/** How Kafka disposes of a topic's old records. */
public enum CleanupPolicy {
    /** Keep the latest record per key forever: the topic is a table. */
    COMPACT("compact"),
    /** Drop whole segments older than the retention: the topic is a stream. */
    DELETE("delete"),
    /** Keep the latest record per key, but no longer than the retention. */
    COMPACT_DELETE("compact,delete");

    private final String config;

    CleanupPolicy(String config) {
        this.config = config;
    }

    /** The value of the topic config {@code cleanup.policy}. */
    public String config() {
        return config;
    }
}
