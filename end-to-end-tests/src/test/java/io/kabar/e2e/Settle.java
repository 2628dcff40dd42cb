package io.kabar.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waits, generously, for a system under fault to reach a state, without failing when it does not: the scenario then
 * counts what is missing and asserts the count, so that a slow machine changes timings but never the verdict.
 */
final class Settle {

    static final Duration GENEROUS = Duration.ofMinutes(5);

    private Settle() {}

    /** Waits until {@code done} holds or {@link #GENEROUS} passes; answers when it held, or null if it never did. */
    static Instant until(String what, Callable<Boolean> done) {
        try {
            await(what)
                    .atMost(GENEROUS)
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .until(done);
            return Instant.now();
        } catch (ConditionTimeoutException e) {
            return null;
        }
    }
}
