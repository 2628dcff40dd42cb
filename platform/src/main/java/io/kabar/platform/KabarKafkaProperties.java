package io.kabar.platform;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How Kabar's topics are laid out and how its consumers treat failures; every value can be set by environment
 * variable, for example {@code KABAR_KAFKA_PARTITIONS=12}.
 *
 * @param partitions        partitions of each topic: the ceiling of consumer instances per group
 * @param replicationFactor replicas of each topic (1 locally, 3 in production)
 * @param minInsyncReplicas replicas that must acknowledge a write with acks=all
 * @param retries           attempts after the first before a record goes to its dead-letter topic
 * @param retryBackoff      wait before the first retry; doubles with each further one
 * @param healthTimeout     how long the health check waits for the cluster to answer
 * @param maxCompactionLag  longest a superseded record (an article's text before its takedown, say) stays in a
 *                          compacted topic: the broker rolls and compacts the segment within this time
 *                          ({@code max.compaction.lag.ms}, set when a topic is created)
 * @param deleteRetention   how long a tombstone stays after compaction ({@code delete.retention.ms}): a reader
 *                          offline for longer misses deletions and must rebuild from the log
 */
@Validated
@ConfigurationProperties("kabar.kafka")
public record KabarKafkaProperties(
        @DefaultValue("6") @Min(1) @Max(1000) int partitions,
        @DefaultValue("1") @Min(1) @Max(7) short replicationFactor,
        @DefaultValue("1") @Min(1) @Max(7) int minInsyncReplicas,
        @DefaultValue("3") @Min(0) @Max(20) int retries,
        @DefaultValue("200ms") @NotNull Duration retryBackoff,
        @DefaultValue("3s") @NotNull Duration healthTimeout,
        @DefaultValue("1d") @NotNull Duration maxCompactionLag,
        @DefaultValue("7d") @NotNull Duration deleteRetention) {}
