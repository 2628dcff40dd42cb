package io.kabar.notification.alerts;

import io.kabar.schemas.AlertDelivery;

/** Maps deliveries to and from their Avro form at the Kafka edge. */
public final class DeliveryRecords {

    private DeliveryRecords() {}

    public static AlertDelivery toAvro(Delivery delivery) {
        return AlertDelivery.newBuilder()
                .setDeliveryId(delivery.deliveryId())
                .setSubscriptionId(delivery.subscriptionId())
                .setAttempt(delivery.attempt())
                .setNotBefore(delivery.notBefore())
                .setAlert(AlertRecords.toAvro(delivery.alert()))
                .setDigest(delivery.digest().stream().map(AlertRecords::toAvro).toList())
                .build();
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
