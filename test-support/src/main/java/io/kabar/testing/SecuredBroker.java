package io.kabar.testing;

import static org.awaitility.Awaitility.await;

import io.kabar.schemas.topics.Service;
import io.kabar.schemas.topics.Topics;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;

/**
 * A broker secured the production way, as {@code ./kabar up --secure} runs it: it authenticates every client
 * (SASL/PLAIN), authorizes every request ({@code StandardAuthorizer}, nothing without an ACL), and each registered
 * service logs in as a principal with a password of its own; the operators' ACL tool secures it before it is used.
 */
public final class SecuredBroker implements AutoCloseable {

    private static final Duration ACLS_IN_FORCE = Duration.ofSeconds(60);

    /** What secures the fresh broker as its super user: the operators' {@code Acls apply}, which lives in platform. */
    @FunctionalInterface
    public interface AclTool {
        void apply(Map<String, Object> adminProperties) throws Exception;
    }

    private final KafkaBroker broker;
    private final Map<String, String> passwords;

    private SecuredBroker(KafkaBroker broker, Map<String, String> passwords) {
        this.broker = broker;
        this.passwords = passwords;
    }

    /**
     * Starts the broker (topics it creates on demand get {@code partitions} partitions), lets {@code acls} create the
     * topics and ACLs as the super user, and returns once the ACLs are in force.
     */
    public static SecuredBroker start(int partitions, AclTool acls) throws Exception {
        Map<String, String> passwords = Arrays.stream(Service.values())
                .collect(Collectors.toMap(
                        Service::user, service -> UUID.randomUUID().toString()));
        SecuredBroker secured = new SecuredBroker(KafkaBroker.startSecured(partitions, passwords, Map.of()), passwords);
        try {
            acls.apply(secured.admin());
            secured.awaitAclsInForce();
            return secured;
        } catch (Exception | AssertionError e) {
            secured.close();
            throw e;
        }
    }

    /**
     * ACLs reach the broker's authorizer through the metadata log, a moment after the controller took them: waits
     * until a service may describe a topic its ACLs grant it.
     */
    private void awaitAclsInForce() {
        try (Admin admin = Admin.create(clientAs(Service.ARTICLE_SERVICE))) {
            await("ACLs in force")
                    .atMost(ACLS_IN_FORCE)
                    .ignoreExceptions()
                    .until(() -> admin.describeTopics(List.of(Topics.ARTICLES.name()))
                                    .allTopicNames()
                                    .get()
                                    .size()
                            == 1);
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Client settings of the super user, bootstrap servers included: to read what the services wrote. */
    public Map<String, Object> admin() {
        return broker.adminProperties();
    }

    /** Client settings that log in as the service's own principal, bootstrap servers included. */
    public Map<String, Object> clientAs(Service service) {
        Map<String, Object> props = new HashMap<>(broker.clientProperties(service.user()));
        props.put("bootstrap.servers", broker.bootstrapServers());
        return props;
    }

    /** The password the service's principal logs in with. */
    public String password(Service service) {
        return passwords.get(service.user());
    }

    @Override
    public void close() {
        broker.close();
    }
}
