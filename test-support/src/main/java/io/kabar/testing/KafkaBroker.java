package io.kabar.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node KRaft broker in this JVM for tests and benchmarks, bootstrapped with the latest production
 * metadata version: the test kit's default is the latest testing version, whose unfinished features made idempotent
 * producers fail with out-of-order sequence errors.
 */
public final class KafkaBroker implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    private KafkaBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /** Starts a broker whose automatically created topics get {@code partitions} partitions. */
    public static KafkaBroker start(int partitions) {
        return start(partitions, Map.of());
    }

    /**
     * Starts a broker with further broker settings, such as {@code advertised.listeners} naming a {@link TcpProxy}
     * (point the proxy at {@link #bootstrapServers()} once this returns; until then it closes connections).
     */
    public static KafkaBroker start(int partitions, Map<String, String> settings) {
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("num.partitions", String.valueOf(partitions))
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("log.cleaner.enable", "true");
            settings.forEach(builder::setConfigProp);
            KafkaClusterTestKit cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new KafkaBroker(cluster);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the test broker", e);
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Creates the topics with {@code partitions} partitions each and waits until they exist. */
    public KafkaBroker createTopics(int partitions, List<String> names) {
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", bootstrapServers()))) {
            admin.createTopics(names.stream()
                            .map(name -> new NewTopic(name, partitions, (short) 1))
                            .toList())
                    .all()
                    .get();
            return this;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("could not create topics " + names, e);
        }
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the test broker", e);
        }
    }
}
