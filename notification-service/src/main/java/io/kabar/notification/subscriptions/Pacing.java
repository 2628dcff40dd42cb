package io.kabar.notification.subscriptions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * How a subscriber wants alerts paced: quiet hours and a daily cap, and whether the alerts they hold back arrive as
 * one digest afterwards or are dropped. A cap counts per local day in the quiet hours' zone, or in UTC without them.
 *
 * @param quietHours null for none
 * @param maxPerDay  null for no cap
 * @param dropHeld   drop held-back alerts instead of sending them as a digest
 */
public record Pacing(QuietHours quietHours, Integer maxPerDay, boolean dropHeld) {

    /** No quiet hours, no cap. */
    public static final Pacing NONE = new Pacing(null, null, false);

    /** Whether any alert may be held back: with neither quiet hours nor a cap, every alert goes out at once. */
    public boolean paces() {
        return quietHours != null || maxPerDay != null;
    }

    /** The zone whose local day the cap counts in. */
    public ZoneId dayZone() {
        return quietHours == null ? ZoneOffset.UTC : quietHours.zone();
    }

    public LocalDate day(Instant at) {
        return at.atZone(dayZone()).toLocalDate();
    }

    public boolean quietAt(Instant at) {
        return quietHours != null && quietHours.contains(at);
    }

    /** The first instant at or after {@code at} outside quiet hours. */
    public Instant firstOutsideQuietHours(Instant at) {
        return quietHours == null ? at : quietHours.firstOutside(at);
    }

    /** When the cap counts from zero again after {@code at}: the next local midnight. */
    public Instant nextDay(Instant at) {
        return day(at).plusDays(1).atStartOfDay(dayZone()).toInstant();
    }
}
