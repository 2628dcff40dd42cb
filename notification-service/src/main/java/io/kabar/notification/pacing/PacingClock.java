package io.kabar.notification.pacing;

import java.time.Instant;

/** The time pacing decides by: quiet hours, local days and digest releases; tests set it to any local time. */
@FunctionalInterface
public interface PacingClock {

    Instant now();
}
