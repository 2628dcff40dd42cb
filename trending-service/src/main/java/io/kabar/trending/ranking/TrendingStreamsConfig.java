package io.kabar.trending.ranking;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams configuration the trending topology is designed and tested for. */
public final class TrendingStreamsConfig {

    /** Enough to absorb a commit interval of bucket updates for a busy site before they reach the ranking stage. */
    private static final long CACHE_BYTES = 16L * 1024 * 1024;

    private TrendingStreamsConfig() {}

    /**
     * The recommended Streams properties; a caller may add or override others (state dir, security, client ids).
     *
     * <p>Exactly-once keeps the ranking stores and the published rankings consistent with the counts read, so an
     * increment is never added twice. Every serde is given explicitly; the byte-array default makes a forgotten one
     * fail fast. The record cache coalesces the ranking buckets' updates between commits. An increment passes one
     * Streams transaction after the counting's (the ranking, which reads the one-partition counts topic directly),
     * visible downstream only once committed, so the commit interval, 100 ms, is kept short: with the counting's and
     * the rank interval it bounds a ranking's delay (2 x 100 ms + 2 x 250 ms), at the price of ten small transactions
     * a second.
     */
    public static Map<String, Object> recommended(String applicationId, String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        config.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100L);
        config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, CACHE_BYTES);
        config.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1);
        // The changelogs hold titles and URLs: as on Kabar's own compacted topics, a taken-down article's entry is
        // compacted away within a day (Streams creates them with the broker default, which never forces it).
        config.put(
                StreamsConfig.topicPrefix(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG),
                String.valueOf(Duration.ofDays(1).toMillis()));
        return config;
    }
}
