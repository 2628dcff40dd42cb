package io.kabar.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What "slow" means now: a moving average of the time from sending a webhook request to its answer over every host,
 * and when the newest request any host answered was sent (proof that the process itself runs). Stall detection and
 * the adaptive timeouts both read it, so a starved process, whose every round trip grows, waits longer instead of
 * taking its receivers for dead.
 */
final class RoundTrips {

    /** How many typical round trips a request may take before it counts as slow. */
    static final int SLOWER_THAN_TYPICAL = 4;

    /** Moving average (weight 1/8) in microseconds; 0 until the first answer. */
    private final AtomicLong typicalMicros = new AtomicLong();

    private final AtomicReference<Instant> newestAnsweredSent = new AtomicReference<>(Instant.MIN);

    /** A host answered at {@code at} a request sent at {@code sent}. */
    void answered(Instant sent, Instant at) {
        newestAnsweredSent.accumulateAndGet(sent, (a, b) -> a.isAfter(b) ? a : b);
        long micros = Duration.between(sent, at).toNanos() / 1000;
        typicalMicros.accumulateAndGet(
                micros, (average, sample) -> average == 0 ? sample : average + (sample - average) / 8);
    }

    /** The moving average of the round trips answered lately. */
    Duration typical() {
        return Duration.ofNanos(typicalMicros.get() * 1000);
    }

    /** When the most recently sent request that any host has answered was sent; {@link Instant#MIN} before any. */
    Instant newestAnsweredSent() {
        return newestAnsweredSent.get();
    }

    /** {@code base}, or {@value #SLOWER_THAN_TYPICAL} typical round trips when those are longer. */
    Duration atLeastSlow(Duration base) {
        // In longs: Duration.multipliedBy goes through BigDecimal, and this runs twice for every request.
        long slowNanos = typicalMicros.get() * 1000 * SLOWER_THAN_TYPICAL;
        return slowNanos > base.toNanos() ? Duration.ofNanos(slowNanos) : base;
    }
}
