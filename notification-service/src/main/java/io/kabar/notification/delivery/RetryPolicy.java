package io.kabar.notification.delivery;

import io.kabar.notification.NotificationProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a failed delivery again: exponential back-off with jitter, or the receiver's {@code Retry-After} when it
 * asks for longer, capped by the maximum back-off; nothing once the attempts are used up.
 */
final class RetryPolicy {

    private final NotificationProperties.Webhooks settings;
    private final RandomGenerator random;

    RetryPolicy(NotificationProperties.Webhooks settings, RandomGenerator random) {
        this.settings = settings;
        this.random = random;
    }

    int maxAttempts() {
        return settings.maxAttempts();
    }

    /** The wait after attempt {@code failed} (1-based) failed, or empty when it was the last one allowed. */
    Optional<Duration> delayAfter(int failed, Optional<String> retryAfter, Instant now) {
        if (failed >= settings.maxAttempts()) {
            return Optional.empty();
        }
        double base = settings.initialBackoff().toMillis() * Math.pow(settings.multiplier(), failed - 1);
        double jittered = base * (1 + settings.jitter() * (2 * random.nextDouble() - 1));
        long millis = Math.max(
                (long) jittered,
                retryAfter
                        .flatMap(v -> parseRetryAfter(v, now, settings.maxBackoff()))
                        .map(Duration::toMillis)
                        .orElse(0L));
        return Optional.of(
                Duration.ofMillis(Math.min(millis, settings.maxBackoff().toMillis())));
    }

    /**
     * {@code Retry-After} as delay-seconds or an HTTP date, at most {@code cap}; empty when it is neither. Clamped
     * while parsing, so that no value a receiver sends (99999999999999999, a date in year 9999) can overflow.
     */
    static Optional<Duration> parseRetryAfter(String value, Instant now, Duration cap) {
        String v = value.strip();
        if (!v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
            // More digits than the cap has seconds cannot be less than the cap; avoids parsing huge numbers.
            long seconds = v.length() > 12 ? Long.MAX_VALUE : Long.parseLong(v);
            return Optional.of(seconds >= cap.toSeconds() ? cap : Duration.ofSeconds(seconds));
        }
        try {
            Instant at =
                    ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            if (!at.isAfter(now)) {
                return Optional.of(Duration.ZERO);
            }
            return Optional.of(at.isAfter(now.plus(cap)) ? cap : Duration.between(now, at));
        } catch (DateTimeParseException notDate) {
            return Optional.empty();
        }
    }
}
