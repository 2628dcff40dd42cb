package io.kabar.e2e;

import static org.awaitility.Awaitility.await;

import io.kabar.platform.KabarKafkaProperties;
import io.kabar.platform.tools.Acls;
import io.kabar.schemas.topics.Service;
import io.kabar.schemas.topics.Topics;
import io.kabar.testing.KafkaBroker;
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
 * A broker secured the production way for the whole stack: every service has its own principal and password, and the
 * ACLs are applied by the operators' tool before any service starts, as {@code ./kabar up --secure} does.
 */
final class SecuredBroker {

    private static final String PASSWORD = "e2e-" + UUID.randomUUID();
    // The services' default (KABAR_KAFKA_PARTITIONS): with fewer they would try to add partitions, which they may not.
    private static final int PARTITIONS = 6;

    private SecuredBroker() {}

    /** Starts the broker, creates the registered topics and applies every service's ACLs. */
    static KafkaBroker startWithAcls(Map<String, String> brokerConfig) throws Exception {
        Map<String, String> users =
                Arrays.stream(Service.values()).collect(Collectors.toMap(Service::user, service -> PASSWORD));
        KafkaBroker broker = KafkaBroker.startSecured(PARTITIONS, users, brokerConfig);
        Acls.apply(
                broker.adminProperties(),
                new KabarKafkaProperties(
                        3,
                        (short) 1,
                        1,
                        0,
                        Duration.ZERO,
                        Duration.ofSeconds(3),
                        Duration.ofDays(1),
                        Duration.ofDays(7)),
                new PrintStream(OutputStream.nullOutputStream()));
        // ACLs reach the broker's authorizer through the metadata log, a moment after the controller took them.
        Map<String, Object> asArticleService = new HashMap<>(broker.clientProperties(Service.ARTICLE_SERVICE.user()));
        asArticleService.put("bootstrap.servers", broker.bootstrapServers());
        try (Admin admin = Admin.create(asArticleService)) {
            await("ACLs in force")
                    .atMost(Duration.ofSeconds(30))
                    .ignoreExceptions()
                    .until(() -> admin.describeTopics(List.of(Topics.ARTICLES.name()))
                                    .allTopicNames()
                                    .get()
                                    .size()
                            == 1);
        }
        return broker;
    }

    static KafkaBroker startWithAcls() throws Exception {
        return startWithAcls(Map.of());
    }

    /** The service's command-line arguments that log it in as its own principal, followed by {@code arguments}. */
    static String[] credentials(Service service, String... arguments) {
        List<String> all = new ArrayList<>(List.of(
                "--kabar.kafka.security.protocol=SASL_PLAINTEXT",
                "--kabar.kafka.sasl.mechanism=PLAIN",
                "--kabar.kafka.sasl.username=" + service.user(),
                "--kabar.kafka.sasl.password=" + PASSWORD));
        all.addAll(List.of(arguments));
        return all.toArray(String[]::new);
    }
}
