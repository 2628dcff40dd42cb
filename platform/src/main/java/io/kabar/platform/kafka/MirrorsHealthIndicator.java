package io.kabar.platform.kafka;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Keeps a service out of readiness until every topic mirror it holds has caught up with its log. */
final class MirrorsHealthIndicator extends AbstractHealthIndicator {

    private final ObjectProvider<TopicMirror<?>> mirrors;

    MirrorsHealthIndicator(ObjectProvider<TopicMirror<?>> mirrors) {
        this.mirrors = mirrors;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up();
        mirrors.forEach(mirror -> {
            builder.withDetail(mirror.topic(), mirror.isCaughtUp() ? "caught up" : "catching up");
            if (!mirror.isCaughtUp()) {
                builder.outOfService();
            }
        });
    }
}
