package io.kabar.notification.stream;

import java.time.Clock;
import java.time.Duration;

/**
 * What every stream of this instance is given: buffer size, idle time (on the service's clock), where a dropped client
 * is counted.
 */
record StreamSettings(
        int buffer, Duration idleTimeout, Clock clock, Duration retryAfter, StreamClient.Ending dropped) {}
