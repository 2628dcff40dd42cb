package io.kabar.trending.counting;

import io.kabar.schemas.serde.SchemaRegistry;
import io.kabar.trending.ranking.TrendingSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * How the counting loops run.
 *
 * @param settings         the counting rules (grace, dedupe interval, caps) and the rank interval
 * @param groupId          the consumer group of the loops on {@code news.page-views}
 * @param previousGroup    the group whose committed offsets on {@code news.page-views} a partition starts from when
 *                         {@code groupId} has none: the Streams application id, whose topology counted before
 * @param instanceId       the static member id of this instance (each loop thread adds its index), empty for a dynamic
 *                         member; also names the transactional ids, so that a restarted instance fences its previous
 *                         self
 * @param stateDir         where the snapshots of the partitions' state are written on revocation and shutdown
 * @param commitInterval   how often increments are handed on and offsets committed, in one transaction
 * @param threads          how many loops (consumers, transactional producers) this instance runs
 * @param consumerProperties connection and security settings for the consumers
 * @param producerProperties connection and security settings for the producers
 * @param schemas          where the count records' writer schema is registered
 * @param deadLetters      receives a record of {@code news.page-views} that cannot be decoded, as read
 */
public record CountingOptions(
        TrendingSettings settings,
        String groupId,
        String previousGroup,
        Optional<String> instanceId,
        Path stateDir,
        Duration commitInterval,
        int threads,
        Map<String, Object> consumerProperties,
        Map<String, Object> producerProperties,
        SchemaRegistry schemas,
        BiConsumer<ConsumerRecord<?, ?>, Exception> deadLetters) {

    public CountingOptions {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(previousGroup, "previousGroup");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(stateDir, "stateDir");
        consumerProperties = Map.copyOf(consumerProperties);
        producerProperties = Map.copyOf(producerProperties);
        // Increments handed on less often than the ranking stage ranks would only delay the rankings.
        if (commitInterval.isNegative()
                || commitInterval.isZero()
                || commitInterval.compareTo(settings.rankInterval()) > 0) {
            throw new IllegalArgumentException("the counting commit interval must lie in (0, rank interval]");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("at least one counting thread is needed");
        }
    }

    /**
     * The settings of a consumer outside the group (a rebuild's replay): committed records only, no offsets of its
     * own, and no topic created by reading one.
     */
    Map<String, Object> readerConsumer() {
        Map<String, Object> props = new HashMap<>(consumerProperties);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A topic created by a subscription would get the broker's default partition count, not the registry's.
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return props;
    }

    /** The settings of loop {@code index}'s group consumer: a reader's, in the group. */
    Map<String, Object> loopConsumer(int index) {
        Map<String, Object> props = readerConsumer();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        instanceId.ifPresent(id -> props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id + "-counting-" + index));
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        return props;
    }

    /** The settings of a loop's transactional producer. */
    Map<String, Object> loopProducer(String transactionalId) {
        Map<String, Object> props = new HashMap<>(producerProperties);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return props;
    }
}
