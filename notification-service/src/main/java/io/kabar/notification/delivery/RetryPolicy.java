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
                        .flatMap(v -> parseRetryAfter(v, now))
                        .map(Duration::toMillis)
                        .orElse(0L));
        return Optional.of(
                Duration.ofMillis(Math.min(millis, settings.maxBackoff().toMillis())));
    }

    /** {@code Retry-After} as delay-seconds or an HTTP date; empty when it is neither. */
    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        String v = value.strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
