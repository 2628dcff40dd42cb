package io.kabar.notification.matching;

import io.kabar.platform.kafka.KafkaClients;
import java.util.Map;
import java.util.UUID;
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
        producers = clients.producerFactory(Map.of());
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
