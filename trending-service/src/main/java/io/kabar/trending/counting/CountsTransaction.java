package io.kabar.trending.counting;

import io.kabar.schemas.TrendingCount;
import io.kabar.schemas.serde.AvroSerializer;
import io.kabar.schemas.topics.Topics;
import io.kabar.trending.ranking.OwnCounts;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A loop's transactional producer: hands the increments of some partitions on to {@code news.trending-counts} and
 * commits those partitions' consumed offsets in the same transaction, or aborts it and rethrows.
 */
final class CountsTransaction implements AutoCloseable {

    private final KafkaProducer<String, TrendingCount> producer;
    private final List<Header> countedBy;

    CountsTransaction(CountingOptions options, String transactionalId) {
        this.producer = new KafkaProducer<>(
                options.loopProducer(transactionalId),
                new StringSerializer(),
                new AvroSerializer<>(TrendingCount.class, options.schemas()));
        // Names this counting, so that only its own ranking stage adds these increments up.
        this.countedBy =
                List.of(new RecordHeader(OwnCounts.COUNTED_BY, options.groupId().getBytes(StandardCharsets.UTF_8)));
        producer.initTransactions();
    }

    /**
     * Sends the increments of {@code counts} and commits {@code offsets} with the consumer's group metadata (so that a
     * zombie of an older generation is fenced).
     */
    void commit(
            Collection<PartitionCounts> counts,
            Map<TopicPartition, OffsetAndMetadata> offsets,
            ConsumerGroupMetadata group) {
        producer.beginTransaction();
        try {
            for (PartitionCounts partition : counts) {
                partition.drainTo((articleId, minute, views, latest) -> producer.send(new ProducerRecord<>(
                        Topics.TRENDING_COUNTS.name(),
                        null,
                        latest,
                        articleId,
                        new TrendingCount(articleId, minute, views),
                        countedBy)));
            }
            producer.sendOffsetsToTransaction(offsets, group);
            producer.commitTransaction();
        } catch (RuntimeException e) {
            try {
                producer.abortTransaction();
            } catch (RuntimeException abort) {
                e.addSuppressed(abort);
            }
            throw e;
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
