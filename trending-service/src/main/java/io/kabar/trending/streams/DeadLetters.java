package io.kabar.trending.streams;

import io.kabar.schemas.topics.Topics;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Publishes an input record that cannot be decoded, as it was read and with the failure in {@code kafka_dlt-*} headers,
 * to its topic's {@code .dlt}. It writes outside the Streams transaction, so at least once: enough for inspection.
 */
final class DeadLetters implements ConsumerRecordRecoverer, DisposableBean {

    private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
    private final DeadLetterPublishingRecoverer recoverer;

    DeadLetters(Map<String, Object> producerProperties) {
        this.producers = new DefaultKafkaProducerFactory<>(
                producerProperties, new ByteArraySerializer(), new ByteArraySerializer());
        this.recoverer = new DeadLetterPublishingRecoverer(
                new KafkaTemplate<>(producers),
                (record, exception) -> new TopicPartition(deadLetterOf(record.topic()), -1));
    }

    private static String deadLetterOf(String topic) {
        return Topics.byName(topic)
                .map(t -> t.deadLetter().name())
                .orElseThrow(() -> new IllegalStateException("no dead-letter topic registered for " + topic));
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception exception) {
        recoverer.accept(record, exception);
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
