package io.kabar.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node KRaft broker from the local-broker jar in a JVM of its own, with fixed ports and data folder, so
 * that it can be killed and started again on the same address and log, as a crashed broker restarts.
 */
final class BrokerProcess implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private Process process;
    private Path log;
    private int starts;

    private BrokerProcess(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Starts a broker with a fresh data folder under {@code target/} on free ports and waits until it serves. */
    static BrokerProcess start() throws IOException {
        Path dataDir = Files.createTempDirectory(
                Files.createDirectories(Path.of("target", "fault-broker")).toAbsolutePath(), "data-");
        BrokerProcess broker = new BrokerProcess(dataDir, freePort(), freePort());
        broker.launch();
        return broker;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Kills the broker's JVM at once (SIGKILL): no controlled shutdown, no flush beyond what the OS already has. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Starts the broker again on the same ports and data and waits until it serves. */
    void restart() throws IOException {
        launch();
    }

    private void launch() throws IOException {
        Path root = Path.of(System.getProperty("kabar.root", ".."));
        Path jar = root.resolve("local-broker")
                .resolve("target")
                .resolve("local-broker-" + System.getProperty("kabar.version") + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with ./mvnw package first");
        }
        log = Path.of("target", "e2e-logs").resolve("fault-broker-" + port + "-" + ++starts + ".log");
        Files.createDirectories(log.getParent());
        process = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        jar.toString(),
                        "--data-dir=" + dataDir,
                        "--port=" + port,
                        "--controller-port=" + controllerPort))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        await("broker on " + port)
                .atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("the broker exited:\n" + Files.readString(log));
                    }
                    return Files.readString(log).contains("Kafka broker listening") && accepts();
                });
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
