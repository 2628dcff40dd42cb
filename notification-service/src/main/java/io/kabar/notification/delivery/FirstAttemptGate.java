package io.kabar.notification.delivery;

import io.kabar.notification.alerts.Delivery;
import java.util.List;

/** Decides which first attempts of a polled batch go out now; what it keeps back it has recorded elsewhere. */
public interface FirstAttemptGate {

    /** Lets everything through. */
    FirstAttemptGate OPEN = batch -> batch.stream().map(Placed::delivery).toList();

    /** A first attempt with the partition of {@code news.alert-deliveries} it came from. */
    record Placed(int partition, Delivery delivery) {}

    /** The deliveries to send now, in their order. */
    List<Delivery> admit(List<Placed> batch);
}
