package io.kabar.notification.matching;

import io.kabar.notification.alerts.AlertRecords;
import io.kabar.schemas.AlertedArticle;
import io.kabar.schemas.topics.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * Restores the ledger of each {@code news.articles} partition the matcher is given from the same-numbered partition
 * of {@code news.alerted-articles} before any of its events is processed, and forgets it when it is taken away: like
 * a Kafka Streams changelog, the state's owner is the owner of the input partition.
 */
final class LedgerRestorer implements ConsumerAwareRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(LedgerRestorer.class);

    private final AlertLedger ledger;
    private final Supplier<Consumer<String, AlertedArticle>> consumers;

    LedgerRestorer(AlertLedger ledger, Supplier<Consumer<String, AlertedArticle>> consumers) {
        this.ledger = ledger;
        this.consumers = consumers;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        try (Consumer<String, AlertedArticle> state = consumers.get()) {
            String topic = Topics.ALERTED_ARTICLES.name();
            int articlePartitions =
                    consumer.partitionsFor(Topics.ARTICLES.name()).size();
            if (state.partitionsFor(topic).size() != articlePartitions) {
                throw new IllegalStateException(topic + " must have as many partitions as " + Topics.ARTICLES);
            }
            List<TopicPartition> sources = partitions.stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            state.assign(sources);
            state.seekToBeginning(sources);
            Map<TopicPartition, Long> end = state.endOffsets(sources);
            int restored = 0;
            while (sources.stream().anyMatch(p -> state.position(p) < end.get(p))) {
                try {
                    for (ConsumerRecord<String, AlertedArticle> r : state.poll(Duration.ofMillis(200))) {
                        if (r.value() != null) {
                            ledger.record(
                                    r.key(),
                                    new AlertLedger.Entry(
                                            r.partition(),
                                            r.value().getRevision(),
                                            r.value().getAlertId(),
                                            r.value().getLastAlert() == null
                                                    ? null
                                                    : AlertRecords.fromAvro(
                                                            r.value().getLastAlert())));
                            restored++;
                        }
                    }
                } catch (RecordDeserializationException e) {
                    log.error("skipping undecodable {}@{}: {}", e.topicPartition(), e.offset(), e.getMessage());
                    state.seek(e.topicPartition(), e.offset() + 1);
                }
            }
            log.info("restored {} article states of partitions {}", restored, sources);
        }
    }

    @Override
    public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        ledger.forget(partitions.stream().map(TopicPartition::partition).toList());
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        ledger.forget(partitions.stream().map(TopicPartition::partition).toList());
    }
}
