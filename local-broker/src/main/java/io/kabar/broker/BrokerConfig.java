package io.kabar.broker;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Builds the server.properties of a single-node combined broker+controller that keeps its data under one folder. */
final class BrokerConfig {

    static final int NODE_ID = 1;

    private BrokerConfig() {}

    /** The super user of a secured broker: it runs the ACL tool, and the broker logs in to its controller as it. */
    static final String ADMIN = "admin";

    static Properties properties(BrokerOptions options) throws IOException {
        String host = BrokerOptions.HOST;
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", String.valueOf(NODE_ID));
        // A static voter set comes from this file on every start, so a different
        // --controller-port on a later run cannot contradict what was formatted.
        p.setProperty("controller.quorum.voters", NODE_ID + "@" + host + ":" + options.controllerPort());
        p.setProperty(
                "listeners",
                "PLAINTEXT://" + host + ":" + options.port() + ",CONTROLLER://" + host + ":"
                        + options.controllerPort());
        p.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + options.port());
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir(options).toString());
        // Internal topics default to replication factor 3, which one node can never satisfy.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        // Consumers in a local stack should join at once rather than after the 3 s default.
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("num.partitions", "6");
        // Services declare their own topics; a typo must fail loudly instead of creating a stray topic.
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("log.cleaner.enable", "true");
        if (options.usersFile().isPresent()) {
            secure(p, options, readUsers(options.usersFile().get()));
        }
        return p;
    }

    /**
     * SASL/PLAIN on both listeners (loopback only: the local stack's stand-in for production's SCRAM over TLS) and
     * KRaft's StandardAuthorizer, which allows nothing without an ACL except to the super user.
     */
    private static void secure(Properties p, BrokerOptions options, Properties users) {
        String host = BrokerOptions.HOST;
        if (users.getProperty(ADMIN) == null) {
            throw new IllegalArgumentException(options.usersFile().get() + " has no password for " + ADMIN);
        }
        p.setProperty(
                "listeners",
                "SASL_PLAINTEXT://" + host + ":" + options.port() + ",CONTROLLER://" + host + ":"
                        + options.controllerPort());
        p.setProperty("advertised.listeners", "SASL_PLAINTEXT://" + host + ":" + options.port());
        p.setProperty("inter.broker.listener.name", "SASL_PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        p.setProperty("sasl.enabled.mechanisms", "PLAIN");
        p.setProperty("sasl.mechanism.inter.broker.protocol", "PLAIN");
        p.setProperty("sasl.mechanism.controller.protocol", "PLAIN");
        StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
        jaas.append(" username=\"")
                .append(ADMIN)
                .append("\" password=\"")
                .append(users.getProperty(ADMIN))
                .append('"');
        users.stringPropertyNames().stream()
                .sorted()
                .forEach(user -> jaas.append(" user_")
                        .append(user)
                        .append("=\"")
                        .append(users.getProperty(user))
                        .append('"'));
        jaas.append(';');
        p.setProperty("listener.name.sasl_plaintext.plain.sasl.jaas.config", jaas.toString());
        p.setProperty("listener.name.controller.plain.sasl.jaas.config", jaas.toString());
        p.setProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.setProperty("allow.everyone.if.no.acl.found", "false");
        p.setProperty("super.users", "User:" + ADMIN);
    }

    private static Properties readUsers(Path file) throws IOException {
        Properties users = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            users.load(in);
        }
        return users;
    }

    static Path logDir(BrokerOptions options) {
        return options.dataDir().resolve("logs");
    }

    static Path write(BrokerOptions options) throws IOException {
        Files.createDirectories(options.dataDir());
        Path file = options.dataDir().resolve("server.properties");
        try (Writer out = Files.newBufferedWriter(file)) {
            properties(options)
                    .store(out, "Generated by io.kabar.broker.LocalBroker on every start; edits are overwritten");
        }
        return file;
    }
}
