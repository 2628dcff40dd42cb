package io.kabar.notification.delivery;

import io.kabar.notification.alerts.Delivery;
import io.kabar.notification.alerts.DeliveryRecords;
import io.kabar.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Writes deliveries that need another attempt to {@code news.alert-delivery-retries} and those that will not be
 * delivered to {@code news.alert-deliveries.dlt}, with the reason in the same {@code kafka_dlt-*} headers the
 * platform's dead letters carry.
 */
final class DeliveryLog implements DisposableBean {

    static final String GROUP = "notification-webhooks";
    static final String ATTEMPTS_HEADER = "kabar_delivery-attempts";

    private final DefaultKafkaProducerFactory<String, Object> producers;
    private final KafkaTemplate<String, Object> template;

    DeliveryLog(DefaultKafkaProducerFactory<String, Object> producers) {
        this.producers = producers;
        this.template = new KafkaTemplate<>(producers);
    }

    CompletableFuture<?> retry(Delivery next) {
        return template.send(Topics.ALERT_DELIVERY_RETRIES.name(), next.subscriptionId(), DeliveryRecords.toAvro(next));
    }

    CompletableFuture<?> deadLetter(Delivery delivery, String fromTopic, String reason) {
        var record = new ProducerRecord<String, Object>(
                Topics.ALERT_DELIVERIES.deadLetter().name(),
                delivery.subscriptionId(),
                DeliveryRecords.toAvro(delivery));
        record.headers()
                .add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, bytes(reason))
                .add(KafkaHeaders.DLT_ORIGINAL_TOPIC, bytes(fromTopic))
                .add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, bytes(GROUP))
                .add(ATTEMPTS_HEADER, bytes(String.valueOf(delivery.attempt())));
        return template.send(record);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
