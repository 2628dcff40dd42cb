package io.kabar.trending.streams;

import io.kabar.trending.counting.Counting;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports the counting loops: up once every assigned partition's state is rebuilt (a partition still replaying is
 * "not loaded yet", never "no views"), out of service until then, down if a loop has stopped.
 */
final class CountingHealthIndicator extends AbstractHealthIndicator {

    private final Counting counting;

    CountingHealthIndicator(Counting counting) {
        super("counting state unknown");
        this.counting = counting;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (!counting.running()) {
            builder.down();
        } else if (counting.ready()) {
            builder.up();
        } else {
            builder.outOfService();
        }
        builder.withDetail("replayedRecords", counting.replayedRecords());
    }
}
