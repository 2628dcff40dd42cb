package io.kabar.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.security.auth.SecurityProtocol;
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

    /** The super user of a secured broker, who runs {@code Acls apply} and reads every topic in tests. */
    public static final String ADMIN = "plain-admin";

    private static final String ADMIN_PASSWORD = "plain-admin-secret";

    private final Map<String, String> users;

    private KafkaBroker(KafkaClusterTestKit cluster, Map<String, String> users) {
        this.cluster = cluster;
        this.users = users;
    }

    /** Starts a broker whose automatically created topics get {@code partitions} partitions. */
    public static KafkaBroker start(int partitions) {
        return start(partitions, Map.of());
    }

    /**
     * Starts a plaintext broker with further broker settings: a log cleaner that runs often, say, or
     * {@code advertised.listeners} naming a {@link TcpProxy} (point the proxy at {@link #bootstrapServers()} once this
     * returns; until then it closes connections).
     */
    public static KafkaBroker start(int partitions, Map<String, String> config) {
        return start(partitions, SecurityProtocol.PLAINTEXT, Map.of(), config);
    }

    /**
     * Starts a broker that authenticates every client with SASL/PLAIN over plaintext and authorizes every request
     * with KRaft's {@code StandardAuthorizer} (nothing is allowed without an ACL; {@link #ADMIN} is the super user).
     *
     * @param users  user name to password of the principals that may log in, besides the admin
     * @param config further broker settings (for example a log cleaner that runs often)
     */
    public static KafkaBroker startSecured(int partitions, Map<String, String> users, Map<String, String> config) {
        Map<String, String> all = new LinkedHashMap<>(users);
        all.put(ADMIN, ADMIN_PASSWORD);
        return start(partitions, SecurityProtocol.SASL_PLAINTEXT, all, config);
    }

    private static KafkaBroker start(
            int partitions, SecurityProtocol protocol, Map<String, String> users, Map<String, String> config) {
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .setBrokerSecurityProtocol(protocol)
                    .setControllerSecurityProtocol(protocol)
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("num.partitions", String.valueOf(partitions))
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("log.cleaner.enable", "true");
            if (protocol == SecurityProtocol.SASL_PLAINTEXT) {
                // The test kit logs the broker in as plain-admin; this listener also accepts the given users.
                builder.setConfigProp(
                        "listener.name." + nodes.brokerListenerName().value().toLowerCase(Locale.ROOT)
                                + ".plain.sasl.jaas.config",
                        plainJaas(users));
            }
            config.forEach(builder::setConfigProp);
            KafkaClusterTestKit cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new KafkaBroker(cluster, Map.copyOf(users));
        } catch (Exception e) {
            throw new IllegalStateException("could not start the test broker", e);
        }
    }

    private static String plainJaas(Map<String, String> users) {
        StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required")
                .append(" username=\"" + ADMIN + "\" password=\"" + ADMIN_PASSWORD + "\"");
        users.forEach((user, password) -> jaas.append(" user_" + user + "=\"" + password + "\""));
        return jaas.append(';').toString();
    }

    /** Client settings to log in as {@code user} (none on a plaintext broker), without the bootstrap servers. */
    public Map<String, Object> clientProperties(String user) {
        if (users.isEmpty()) {
            return Map.of();
        }
        String password = users.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no such user on the test broker: " + user);
        }
        return Map.of(
                "security.protocol",
                "SASL_PLAINTEXT",
                "sasl.mechanism",
                "PLAIN",
                "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user + "\" password=\""
                        + password + "\";");
    }

    /** Settings of an admin client (the super user on a secured broker), bootstrap servers included. */
    public Map<String, Object> adminProperties() {
        Map<String, Object> props = new LinkedHashMap<>(clientProperties(ADMIN));
        props.put("bootstrap.servers", bootstrapServers());
        return props;
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Creates the topics with {@code partitions} partitions each and waits until they exist. */
    public KafkaBroker createTopics(int partitions, List<String> names) {
        try (AdminClient admin = AdminClient.create(adminProperties())) {
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
