package io.kabar.notification.alerts;

import io.kabar.schemas.AlertDelivery;
import io.kabar.schemas.BreakingAlert;

/** Maps deliveries to and from their Avro form at the Kafka edge. */
public final class DeliveryRecords {

    private DeliveryRecords() {}

    public static AlertDelivery toAvro(Delivery delivery) {
        return toAvro(delivery, AlertRecords.toAvro(delivery.alert()));
    }

    /**
     * The delivery with {@code alert}, its alert already in Avro form: a fan-out maps the alert once for all its
     * deliveries. Avro records are not copied when written, so they may share it.
     */
    public static AlertDelivery toAvro(Delivery delivery, BreakingAlert alert) {
        return new AlertDelivery(
                delivery.deliveryId(),
                delivery.subscriptionId(),
                delivery.attempt(),
                delivery.notBefore(),
                alert,
                delivery.digest().stream().map(AlertRecords::toAvro).toList());
    }

    public static Delivery fromAvro(AlertDelivery delivery) {
        return new Delivery(
                delivery.getDeliveryId(),
                delivery.getSubscriptionId(),
                delivery.getAttempt(),
                delivery.getNotBefore(),
                AlertRecords.fromAvro(delivery.getAlert()),
                delivery.getDigest().stream().map(AlertRecords::fromAvro).toList());
    }
}
