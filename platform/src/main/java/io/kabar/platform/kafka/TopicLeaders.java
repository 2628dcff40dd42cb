package io.kabar.platform.kafka;

import io.kabar.schemas.topics.TopicSpec;
import io.kabar.schemas.topics.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.TopicDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Holds a starting service back until every registered partition has a leader. An idempotent producer that
 * pipelines batches into a partition whose leader is not yet known (a topic this very start created) gets
 * NOT_LEADER_OR_FOLLOWER, then out-of-order sequence errors that it never recovers from (seen with Kafka 4.1).
 */
final class TopicLeaders implements ApplicationListener<ApplicationStartedEvent> {

    private static final Logger log = LoggerFactory.getLogger(TopicLeaders.class);
    private static final Duration PAUSE = Duration.ofMillis(100);

    private final AdminClient admin;
    private final Duration timeout;

    TopicLeaders(AdminClient admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (allLed()) {
                return;
            }
            try {
                Thread.sleep(PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        log.warn("not every Kabar topic partition had a leader within {}; producers may retry at first", timeout);
    }

    private boolean allLed() {
        try {
            Collection<TopicDescription> topics = admin.describeTopics(Topics.allWithDeadLetters().stream()
                            .map(TopicSpec::name)
                            .toList())
                    .allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .values();
            return topics.stream().flatMap(t -> t.partitions().stream()).allMatch(p -> p.leader() != null);
        } catch (Exception e) {
            // Missing topics or an unreachable broker: the health check reports those; nothing to wait for here.
            return true;
        }
    }
}
