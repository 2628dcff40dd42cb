package io.kabar.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the real broker in a child JVM, twice on the same data dir, to prove it serves clients and keeps its data. */
class LocalBrokerTest {

    private static final String TOPIC = "kabar.test.articles";

    @TempDir
    Path dataDir;

    @TempDir
    Path logDir;

    private Process broker;
    private Path brokerLog;
    private int port;
    private int controllerPort;

    @AfterEach
    void stopBroker() {
        if (broker != null) {
            broker.destroyForcibly();
        }
    }

    @Test
    void servesClientsAndKeepsTopicsAndRecordsAcrossRestart() throws Exception {
        port = freePort();
        controllerPort = freePort();

        startBroker();
        try (Admin admin = Admin.create(clientProps())) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps())) {
            producer.send(new ProducerRecord<>(TOPIC, "artikel-1", "Banjir di Jakarta"))
                    .get(30, TimeUnit.SECONDS);
        }
        assertThat(readAll()).containsExactly("artikel-1=Banjir di Jakarta");
        stopGracefully();

        startBroker();
        try (Admin admin = Admin.create(clientProps())) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains(TOPIC);
        }
        assertThat(readAll()).containsExactly("artikel-1=Banjir di Jakarta");
    }

    @Test
    void withUsersItAuthenticatesClientsAndAllowsOnlyTheSuperUserWithoutAcls() throws Exception {
        port = freePort();
        controllerPort = freePort();
        Path users = dataDir.resolveSibling(dataDir.getFileName() + "-users.properties");
        Files.writeString(users, "admin=admin-secret\narticle-service=service-secret\n");

        startBroker("--users=" + users);
        try (Admin admin = Admin.create(login("admin", "admin-secret"))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> service = new HashMap<>(producerProps());
        service.putAll(login("article-service", "service-secret"));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(service)) {
            assertThatThrownBy(() ->
                            producer.send(new ProducerRecord<>(TOPIC, "k", "v")).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    private Map<String, Object> login(String user, String password) {
        Map<String, Object> props = new HashMap<>(clientProps());
        props.put("security.protocol", "SASL_PLAINTEXT");
        props.put("sasl.mechanism", "PLAIN");
        props.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user + "\" password=\""
                        + password + "\";");
        return props;
    }

    @Test
    void commandLineOptionsOverrideEnvironmentAndDefaults() {
        BrokerOptions options = BrokerOptions.parse(
                new String[] {"--port=19092"}, Map.of("KABAR_BROKER_DATA_DIR", "/tmp/x", "KABAR_BROKER_PORT", "1"));

        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(options.port()).isEqualTo(19092);
        assertThat(options.controllerPort()).isEqualTo(9093);
    }

    private void startBroker(String... options) throws IOException {
        brokerLog = Files.createTempFile(logDir, "broker", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Client-side C1 only: the child lives for seconds, so full JIT would just compete for the 2 cores.
        List<String> command = new ArrayList<>(List.of(
                java,
                "-XX:TieredStopAtLevel=1",
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                LocalBroker.class.getName(),
                "--data-dir=" + dataDir,
                "--port=" + port,
                "--controller-port=" + controllerPort));
        command.addAll(List.of(options));
        broker = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(brokerLog.toFile())
                .start();
        // The broker prints this only after startup() returned, i.e. once it is unfenced and serving.
        await("broker ready, see " + brokerLog)
                .atMost(Duration.ofSeconds(45))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    assertThat(broker.isAlive())
                            .as("broker alive, log:%n%s", Files.readString(brokerLog))
                            .isTrue();
                    return Files.readString(brokerLog).contains("Kafka broker listening on 127.0.0.1:" + port);
                });
    }

    private void stopGracefully() throws Exception {
        broker.destroy();
        assertThat(broker.waitFor(30, TimeUnit.SECONDS))
                .as("broker stops on SIGTERM")
                .isTrue();
        assertThat(Files.readString(brokerLog)).contains("Kafka broker stopped");
    }

    private List<String> readAll() {
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps())) {
            consumer.assign(Set.of(partition));
            consumer.seekToBeginning(Set.of(partition));
            long end = consumer.endOffsets(Set.of(partition), Duration.ofSeconds(30))
                    .get(partition);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(r.key() + "=" + r.value());
                }
                return consumer.position(partition) >= end;
            });
        }
        return seen;
    }

    private Map<String, Object> clientProps() {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port);
    }

    private Map<String, Object> producerProps() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:" + port,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class);
    }

    private Map<String, Object> consumerProps() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:" + port,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
