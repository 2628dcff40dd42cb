package io.kabar.notification.stream;

import java.time.Duration;

/** What every stream of this instance is given: buffer size, idle time, where a dropped client is counted. */
record StreamSettings(int buffer, Duration idleTimeout, Duration retryAfter, StreamClient.Ending dropped) {}
