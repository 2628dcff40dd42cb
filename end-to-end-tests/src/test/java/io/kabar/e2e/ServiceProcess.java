package io.kabar.e2e;

import static org.awaitility.Awaitility.await;

import io.kabar.schemas.topics.Service;
import io.kabar.testing.SecuredBroker;
import io.kabar.testing.TestTokens;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One Kabar service started from its runnable jar in a JVM of its own, as {@code ./kabar up} and production start it. */
final class ServiceProcess implements AutoCloseable {

    private static final String SECRETS_KEY = "e2e:" + Base64.getEncoder().encodeToString(new byte[32]);

    private final String module;
    private final int port;
    private final int managementPort;
    private final Process process;
    private final Path log;

    private ServiceProcess(String module, int port, int managementPort, Process process, Path log) {
        this.module = module;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
        this.log = log;
    }

    /** Starts the module's jar against the broker with the given extra arguments ({@code --name=value}). */
    static ServiceProcess start(String module, String brokers, String... arguments) throws IOException {
        return startOn(freePort(), module, brokers, arguments);
    }

    /** Starts the service's jar logged in as its own principal, the way {@code ./kabar up --secure} starts it. */
    static ServiceProcess start(SecuredBroker broker, Service service, String... arguments) throws IOException {
        List<String> all = new ArrayList<>(List.of(
                "--kabar.kafka.security.protocol=SASL_PLAINTEXT",
                "--kabar.kafka.sasl.mechanism=PLAIN",
                "--kabar.kafka.sasl.username=" + service.user(),
                "--kabar.kafka.sasl.password=" + broker.password(service)));
        all.addAll(List.of(arguments));
        return start(service.user(), broker.bootstrapServers(), all.toArray(String[]::new));
    }

    /** Starts the module on a port chosen beforehand, for a service whose address others must know first (the site). */
    static ServiceProcess startOn(int port, String module, String brokers, String... arguments) throws IOException {
        Path root = Path.of(System.getProperty("kabar.root", ".."));
        Path jar = root.resolve(module)
                .resolve("target")
                .resolve(module + "-" + System.getProperty("kabar.version") + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with ./mvnw package first");
        }
        int managementPort = freePort();
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-XX:+UseCompactObjectHeaders"));
        command.addAll(jvmOptions());
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--management.server.port=" + managementPort,
                "--spring.kafka.bootstrap-servers=" + brokers,
                // The stack trusts the tests' newsroom key, as ./kabar up makes it trust the local one.
                "--kabar.auth.public-key-location=" + TestTokens.publicKeyLocation(),
                // notification-service encrypts webhook secrets at rest; every instance shares the key.
                "--kabar.notifications.secrets.keys=" + SECRETS_KEY,
                "--spring.main.banner-mode=off"));
        command.addAll(List.of(arguments));
        Path log = Files.createDirectories(Path.of("target", "e2e-logs")).resolve(module + "-" + port + ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new ServiceProcess(module, port, managementPort, process, log);
    }

    /** Waits until the service reports ready on its management port, failing with its log when it exits or takes too long. */
    ServiceProcess awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest readiness = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness"))
                .build();
        await(module + " ready")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError(module + " exited with " + process.exitValue() + ":\n" + tail());
                    }
                    return client.send(readiness, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200;
                });
        return this;
    }

    int port() {
        return port;
    }

    int managementPort() {
        return managementPort;
    }

    String module() {
        return module;
    }

    /** Kills the JVM at once, as a crash or an OOM killer would: no shutdown hooks, no leaving the group. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /**
     * The tests' small, quickly started JVMs by default; {@code -Dkabar.service.jvm="..."} replaces them (a benchmark
     * runs the services as {@code ./kabar up} does: C2 and the default heap, and may add a flight recording).
     */
    private static List<String> jvmOptions() {
        String options = System.getProperty("kabar.service.jvm", "-Xmx384m -XX:TieredStopAtLevel=1");
        return Arrays.stream(options.trim().split("\\s+"))
                .filter(option -> !option.isEmpty())
                .toList();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
