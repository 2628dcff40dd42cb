package io.kabar.e2e;

import io.kabar.schemas.serde.AvroDeserializer;
import io.kabar.schemas.topics.TopicSpec;
import io.kabar.testing.Http;
import io.kabar.testing.TestBroker;
import io.kabar.testing.TestTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The whole stack the fault-injection suite breaks: a broker of its own (so that it can be killed) and the four
 * services as their jars in their own JVMs, each of which can be killed and started again with the same arguments.
 */
final class FaultStack implements AutoCloseable {

    static final String ARTICLES = "article-service";
    static final String RELATED = "related-links-service";
    static final String NOTIFICATIONS = "notification-service";
    static final String TRENDING = "trending-service";

    private static final Duration READY = Duration.ofMinutes(6);
    /** A killed member's partitions move after this long instead of the 45 s default, as NotificationFailoverIT does. */
    private static final String[] FAST_FAILOVER = {
        "--spring.kafka.consumer.properties.session.timeout.ms=6000",
        "--spring.kafka.consumer.properties.heartbeat.interval.ms=1000",
        "--spring.kafka.streams.properties.session.timeout.ms=6000",
        "--spring.kafka.streams.properties.heartbeat.interval.ms=1000"
    };

    private final BrokerProcess broker;
    private final Map<String, List<String>> arguments = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> running = new ConcurrentHashMap<>();

    private FaultStack(BrokerProcess broker) {
        this.broker = broker;
    }

    /** Starts the broker and the four services, with abuse limits raised so that the load and the fuzzing reach the code. */
    static FaultStack start() throws IOException {
        FaultStack stack = new FaultStack(BrokerProcess.start());
        try {
            Path trendingState = Files.createTempDirectory(
                    Files.createDirectories(Path.of("target", "fault-trending")).toAbsolutePath(), "state-");
            stack.arguments.put(ARTICLES, List.of("--kabar.limits.rates.article-writes.requests=1000000"));
            stack.arguments.put(RELATED, List.of());
            stack.arguments.put(
                    NOTIFICATIONS,
                    List.of(
                            "--kabar.notifications.allow-loopback=true",
                            "--kabar.notifications.webhooks.max-per-host=4",
                            "--kabar.limits.rates.subscriptions.requests=1000000"));
            stack.arguments.put(
                    TRENDING,
                    List.of(
                            "--kabar.web.trusted-proxies=127.0.0.1/32",
                            "--kabar.limits.rates.page-views.requests=1000000",
                            // A restarted instance finds its stores where the killed one left them, as on one host.
                            "--kabar.trending.state-dir=" + trendingState));
            for (String module : stack.arguments.keySet()) {
                stack.launch(module);
            }
            for (ServiceProcess service : stack.running.values()) {
                service.awaitReady(READY);
            }
            return stack;
        } catch (IOException | RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    String brokers() {
        return broker.bootstrapServers();
    }

    BrokerProcess broker() {
        return broker;
    }

    /** A client of the service's public port (which changes when the service is restarted). */
    Http http(String module) {
        return new Http(port(module));
    }

    /** A client of the newsroom API that sends an editor's token. */
    Http newsroom() {
        return http(ARTICLES).bearer(TestTokens.editor());
    }

    /** Publishes an article through the newsroom API as an editor and answers its id. */
    String publish(String title, String category, boolean breaking) {
        Http.Answer created = newsroom()
                .post(
                        "/api/articles",
                        Map.of(
                                "title",
                                title,
                                "body",
                                title + ".\n\nBerita uji untuk pengujian ketahanan Kabar.",
                                "category",
                                category,
                                "author",
                                "Redaksi Uji",
                                "language",
                                "id",
                                "breaking",
                                breaking));
        if (created.status().value() != 201) {
            throw new AssertionError("publishing " + title + " answered " + created.status() + " " + created.body());
        }
        return (String) created.get("id");
    }

    /**
     * Every committed record of the topic on the stack's broker; a record that cannot be decoded (poison) reads as a
     * null value.
     */
    <V extends SpecificRecord> List<ConsumerRecord<String, V>> read(TopicSpec<String, V> topic) {
        AvroDeserializer<V> avro = new AvroDeserializer<>(topic.valueType());
        Deserializer<V> lenient = (name, data) -> {
            try {
                return avro.deserialize(name, data);
            } catch (SerializationException e) {
                return null;
            }
        };
        return TestBroker.readAll(brokers(), topic.name(), lenient);
    }

    int port(String module) {
        return running.get(module).port();
    }

    /** Kills the service's JVM with SIGKILL. */
    void kill(String module) throws InterruptedException {
        running.get(module).kill();
    }

    /** Starts the module again with its arguments and waits until it reports ready. */
    void restart(String module) throws IOException {
        launch(module).awaitReady(READY);
    }

    /** Waits until every service reports ready again (after the broker came back, say). */
    void awaitReady() {
        running.values().forEach(service -> service.awaitReady(READY));
    }

    private ServiceProcess launch(String module) throws IOException {
        List<String> all = new ArrayList<>(arguments.get(module));
        all.addAll(List.of(FAST_FAILOVER));
        ServiceProcess service = ServiceProcess.start(module, broker.bootstrapServers(), all.toArray(String[]::new));
        running.put(module, service);
        return service;
    }

    @Override
    public void close() {
        for (ServiceProcess service : running.values()) {
            try {
                service.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            broker.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
