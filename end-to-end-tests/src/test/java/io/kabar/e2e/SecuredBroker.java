package io.kabar.e2e;

import static org.awaitility.Awaitility.await;

import io.kabar.platform.KabarKafkaProperties;
import io.kabar.platform.tools.Acls;
import io.kabar.schemas.topics.Service;
import io.kabar.schemas.topics.Topics;
import io.kabar.testing.KafkaBroker;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;

/**
 * A broker secured the production way for the whole stack, as {@code ./kabar up --secure} runs it: it authenticates
 * every client (SASL/PLAIN), authorizes every request ({@code StandardAuthorizer}, nothing without an ACL), each
 * service has a principal and password of its own, and the operators' tool creates the topics and applies the ACLs
 * generated from the topic registry before any service starts.
 */
final class SecuredBroker implements AutoCloseable {

    private final KafkaBroker broker;
    private final Map<String, String> passwords;

    private SecuredBroker(KafkaBroker broker, Map<String, String> passwords) {
        this.broker = broker;
        this.passwords = passwords;
    }

    /** Starts the broker, creates the registered topics as the super user and applies every service's ACLs. */
    static SecuredBroker start() throws Exception {
        Map<String, String> passwords = Arrays.stream(Service.values())
                .collect(Collectors.toMap(
                        Service::user, service -> UUID.randomUUID().toString()));
        KafkaBroker broker = KafkaBroker.startSecured(1, passwords, Map.of());
        Acls.apply(
                broker.adminProperties(),
                new KabarKafkaProperties(
                        6,
                        (short) 1,
                        1,
                        0,
                        Duration.ZERO,
                        Duration.ofSeconds(3),
                        Duration.ofDays(1),
                        Duration.ofDays(7)),
                new PrintStream(OutputStream.nullOutputStream()));
        SecuredBroker secured = new SecuredBroker(broker, passwords);
        // ACLs reach the broker's authorizer through the metadata log, a moment after the controller took them.
        try (Admin admin = Admin.create(secured.clientAs(Service.ARTICLE_SERVICE))) {
            await("ACLs in force")
                    .atMost(Duration.ofSeconds(60))
                    .ignoreExceptions()
                    .until(() -> admin.describeTopics(List.of(Topics.ARTICLES.name()))
                                    .allTopicNames()
                                    .get()
                                    .size()
                            == 1);
        }
        return secured;
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Client settings of the super user, bootstrap servers included: to read what the services wrote. */
    Map<String, Object> admin() {
        return broker.adminProperties();
    }

    /** Client settings that log in as the service's own principal, bootstrap servers included. */
    Map<String, Object> clientAs(Service service) {
        Map<String, Object> props = new HashMap<>(broker.clientProperties(service.user()));
        props.put("bootstrap.servers", broker.bootstrapServers());
        return props;
    }

    /** Starts the service's jar logged in as its own principal, the way {@code ./kabar up --secure} starts it. */
    ServiceProcess start(Service service, String... arguments) throws IOException {
        return ServiceProcess.start(service.user(), bootstrapServers(), credentials(service, arguments));
    }

    private String[] credentials(Service service, String... arguments) {
        List<String> all = new ArrayList<>(List.of(
                "--kabar.kafka.security.protocol=SASL_PLAINTEXT",
                "--kabar.kafka.sasl.mechanism=PLAIN",
                "--kabar.kafka.sasl.username=" + service.user(),
                "--kabar.kafka.sasl.password=" + passwords.get(service.user())));
        all.addAll(List.of(arguments));
        return all.toArray(String[]::new);
    }

    @Override
    public void close() {
        broker.close();
    }
}
