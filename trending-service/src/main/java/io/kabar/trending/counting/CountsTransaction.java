package io.kabar.trending.counting;

import io.kabar.schemas.TrendingCounts;
import io.kabar.schemas.serde.AvroSerializer;
import io.kabar.schemas.topics.Topics;
import io.kabar.trending.ranking.OwnCounts;
import java.nio.charset.StandardCharsets;
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

    private final KafkaProducer<String, TrendingCounts> producer;
    private final List<Header> countedBy;

    CountsTransaction(CountingOptions options, String transactionalId) {
        this.producer = new KafkaProducer<>(
                options.loopProducer(transactionalId),
                new StringSerializer(),
                new AvroSerializer<>(TrendingCounts.class, options.schemas()));
        // Names this counting, so that only its own ranking stage adds these increments up.
        this.countedBy =
                List.of(new RecordHeader(OwnCounts.COUNTED_BY, options.groupId().getBytes(StandardCharsets.UTF_8)));
        producer.initTransactions();
    }

    /**
     * Sends the increments of each partition's {@code counts}, one record per partition keyed by its number (several
     * if they are many, see {@link CountBatches}), and commits {@code offsets} with the consumer's group metadata (so
     * that a zombie of an older generation is fenced).
     */
    void commit(
            Map<TopicPartition, PartitionCounts> counts,
            Map<TopicPartition, OffsetAndMetadata> offsets,
            ConsumerGroupMetadata group) {
        producer.beginTransaction();
        try {
            counts.forEach((partition, partitionCounts) -> {
                String key = String.valueOf(partition.partition());
                CountBatches batches = new CountBatches((batch, latest) -> producer.send(
                        new ProducerRecord<>(Topics.TRENDING_COUNTS.name(), null, latest, key, batch, countedBy)));
                partitionCounts.drainTo(batches);
                batches.flush();
            });
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
