package io.kabar.notification.matching;

import io.kabar.platform.kafka.KafkaClients;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.transaction.KafkaTransactionManager;

/**
 * The matcher's transactional producer, shared by its listener container (which begins and commits the transactions)
 * and its template (whose sends join them). Kept out of the context as a bare producer factory so that Spring Boot's
 * own Kafka template keeps its default factory.
 */
final class MatcherTransactions implements DisposableBean {

    private final DefaultKafkaProducerFactory<String, Object> producers;
    private final KafkaTemplate<String, Object> template;
    private final KafkaTransactionManager<String, Object> manager;

    MatcherTransactions(KafkaClients clients) {
        // A chunk is thousands of deliveries sent in a burst: batches of 256 KB (a request carries one batch per
        // partition) instead of 16 KB make a chunk a few produce requests instead of hundreds. Commits flush, so the
        // linger adds nothing to a transaction's latency.
        producers = clients.producerFactory(
                Map.of(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.LINGER_MS_CONFIG, 5));
        // Unique per instance is enough: with exactly-once v2 the consumer group generation fences zombie matchers.
        producers.setTransactionIdPrefix("notification-matcher-" + UUID.randomUUID() + "-");
        template = new KafkaTemplate<>(producers);
        manager = new KafkaTransactionManager<>(producers);
        // The matcher's ledger changes are applied after commit, which needs synchronization (off by default).
        manager.setTransactionSynchronization(KafkaTransactionManager.SYNCHRONIZATION_ON_ACTUAL_TRANSACTION);
    }

    KafkaTemplate<String, Object> template() {
        return template;
    }

    KafkaTransactionManager<String, Object> manager() {
        return manager;
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
