package io.kabar.related.refresh;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends a listener's output and waits until the broker has acknowledged all of it, so that the listener's input is
 * committed only after its output is durable (at least once), and a partition handed to another instance in a
 * rebalance has no output of the previous owner still in flight.
 */
final class Deliveries implements AutoCloseable {

    private final DefaultKafkaProducerFactory<String, Object> producers;
    private final KafkaTemplate<String, Object> template;
    private final Duration timeout;

    Deliveries(DefaultKafkaProducerFactory<String, Object> producers, Duration timeout) {
        this.producers = producers;
        // What is not acknowledged within the send timeout has already failed its listener and will be redelivered,
        // so closing need not wait longer for it.
        producers.setPhysicalCloseTimeout((int) Math.max(1, timeout.toSeconds()));
        this.template = new KafkaTemplate<>(producers);
        this.timeout = timeout;
    }

    /** Sends a record; a {@code null} value is a tombstone. */
    CompletableFuture<?> send(String topic, String key, Object value) {
        return template.send(topic, key, value);
    }

    void awaitAll(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("the broker did not acknowledge " + sends.size() + " records", e);
        }
    }

    @Override
    public void close() {
        producers.destroy();
    }
}
