package io.kabar.broker;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The few knobs of the local broker, read from {@code --key=value} arguments over environment variables over defaults.
 * With a users file (properties: user name = password, {@code admin} among them) the broker authenticates clients
 * and enforces ACLs.
 */
record BrokerOptions(Path dataDir, int port, int controllerPort, Optional<Path> usersFile) {

    static final String HOST = "127.0.0.1";

    static BrokerOptions parse(String[] args, Map<String, String> env) {
        String dataDir = env.getOrDefault("KABAR_BROKER_DATA_DIR", ".kabar/kafka");
        String port = env.getOrDefault("KABAR_BROKER_PORT", "9092");
        String controllerPort = env.getOrDefault("KABAR_BROKER_CONTROLLER_PORT", "9093");
        String users = env.getOrDefault("KABAR_BROKER_USERS", "");
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String key = eq < 0 ? arg : arg.substring(0, eq);
            String value = eq < 0 ? "" : arg.substring(eq + 1);
            switch (key) {
                case "--data-dir" -> dataDir = value;
                case "--port" -> port = value;
                case "--controller-port" -> controllerPort = value;
                case "--users" -> users = value;
                default ->
                    throw new IllegalArgumentException("Unknown option " + arg
                            + " (known: --data-dir=DIR --port=N --controller-port=N --users=FILE)");
            }
        }
        if (dataDir.isBlank()) {
            throw new IllegalArgumentException("--data-dir must not be empty");
        }
        return new BrokerOptions(
                Path.of(dataDir).toAbsolutePath().normalize(),
                Integer.parseInt(port),
                Integer.parseInt(controllerPort),
                users.isBlank() ? Optional.empty() : Optional.of(Path.of(users).toAbsolutePath()));
    }

    String bootstrapServers() {
        return HOST + ":" + port;
    }
}
