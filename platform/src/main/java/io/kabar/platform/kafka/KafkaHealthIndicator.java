package io.kabar.platform.kafka;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Reports the service DOWN when the Kafka cluster does not answer within the health timeout. */
final class KafkaHealthIndicator extends AbstractHealthIndicator {

    private final AdminClient admin;
    private final Duration timeout;

    KafkaHealthIndicator(AdminClient admin, Duration timeout) {
        super("Kafka is not reachable");
        this.admin = admin;
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster =
                admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
        int nodes =
                cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
        builder.up()
                .withDetail("clusterId", cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS))
                .withDetail("nodes", nodes);
    }
}
