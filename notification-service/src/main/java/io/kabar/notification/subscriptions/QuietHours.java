package io.kabar.notification.subscriptions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A daily period without alerts in the local time of one IANA zone, from {@code from} (inclusive) to {@code to}
 * (exclusive); a period whose end is not after its start crosses midnight (22:00 to 06:00).
 */
public record QuietHours(LocalTime from, LocalTime to, ZoneId zone) {

    public QuietHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        if (from.equals(to)) {
            throw new IllegalArgumentException("quiet hours must not start when they end");
        }
    }

    private boolean crossesMidnight() {
        return to.isBefore(from);
    }

    /** Whether the instant falls within quiet hours, in the zone's local time. */
    public boolean contains(Instant instant) {
        LocalTime local = instant.atZone(zone).toLocalTime();
        return crossesMidnight()
                ? !local.isBefore(from) || local.isBefore(to)
                : !local.isBefore(from) && local.isBefore(to);
    }

    /** The first instant at or after {@code instant} that is outside quiet hours. */
    public Instant firstOutside(Instant instant) {
        if (!contains(instant)) {
            return instant;
        }
        ZonedDateTime local = instant.atZone(zone);
        LocalDate day = local.toLocalDate();
        // Inside a period that crosses midnight and began yesterday, it ends today; otherwise it ends on the day after
        // its start when it crosses midnight, the same day when it does not.
        boolean endsToday = !crossesMidnight() || local.toLocalTime().isBefore(to);
        LocalDate endDay = endsToday ? day : day.plusDays(1);
        // atZone resolves a local time in a daylight-saving gap forwards, so the end always exists.
        return endDay.atTime(to).atZone(zone).toInstant();
    }
}
