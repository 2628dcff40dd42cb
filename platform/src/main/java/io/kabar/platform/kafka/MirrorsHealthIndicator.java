package io.kabar.platform.kafka;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Keeps a service out of readiness until every topic mirror it holds has caught up with its log, and says so when a
 * mirror could not decode the latest record of some key (its view of that key is missing).
 */
final class MirrorsHealthIndicator extends AbstractHealthIndicator {

    private final ObjectProvider<TopicMirror<?>> mirrors;

    MirrorsHealthIndicator(ObjectProvider<TopicMirror<?>> mirrors) {
        this.mirrors = mirrors;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up();
        mirrors.forEach(mirror -> {
            Map<String, String> undecodable = mirror.undecodable();
            builder.withDetail(
                    mirror.topic(),
                    !undecodable.isEmpty()
                            ? "not caught up: cannot decode the latest record of " + undecodable.size() + " key(s): "
                                    + describe(undecodable)
                            : mirror.isCaughtUp() ? "caught up" : "catching up");
            if (!mirror.isCaughtUp()) {
                builder.outOfService();
            }
        });
    }

    /** The first few keys and why, enough to find the records with {@code DeadLetters}-style tools. */
    private static String describe(Map<String, String> undecodable) {
        return undecodable.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .limit(5)
                .map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining("; "));
    }
}
