package io.kabar.notification.pacing;

import io.kabar.notification.alerts.AlertRecords;
import io.kabar.schemas.HeldAlerts;
import java.time.Instant;
import java.time.LocalDate;

/** Maps pacing states to and from their Avro form ({@code HeldAlerts}) at the Kafka edge. */
final class HeldAlertsRecords {

    private HeldAlertsRecords() {}

    static HeldAlerts toAvro(PacingState s, Instant now) {
        return HeldAlerts.newBuilder()
                .setSubscriptionId(s.subscriptionId())
                .setDay(s.day() == null ? null : s.day().toString())
                .setCounted(s.counted())
                .setAlerts(s.held().stream().map(AlertRecords::toAvro).toList())
                .setReleaseAt(s.releaseAt())
                .setUpdatedAt(now)
                .build();
    }

    static PacingState fromAvro(HeldAlerts h) {
        return new PacingState(
                h.getSubscriptionId(),
                h.getDay() == null ? null : LocalDate.parse(h.getDay()),
                h.getCounted(),
                h.getAlerts().stream().map(AlertRecords::fromAvro).toList(),
                h.getReleaseAt());
    }
}
