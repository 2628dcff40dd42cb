package io.kabar.platform.tools;

import io.kabar.platform.KabarKafkaProperties;
import io.kabar.platform.kafka.KafkaConfiguration;
import io.kabar.platform.kafka.KafkaSecurity;
import io.kabar.schemas.topics.KafkaAcls;
import io.kabar.schemas.topics.Service;
import io.kabar.schemas.topics.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.ResourcePatternFilter;

/**
 * The operators' tool for Kafka access: {@code print} lists the ACLs every service gets, derived from the topic
 * registry; {@code apply} creates the registered topics that are missing and makes each service principal's ACLs
 * exactly those (adding what is missing, deleting what the registry no longer grants); {@code users <dir>} sets each
 * service's SCRAM-SHA-512 password to the one in {@code <dir>/<service>/password}. {@code apply} and {@code users} must
 * run as a super user; broker and credentials come from {@code KABAR_BOOTSTRAP_SERVERS} and {@code KABAR_KAFKA_*}.
 */
public final class Acls {

    private Acls() {}

    public static void main(String[] args) throws Exception {
        boolean valid = (args.length == 1 && List.of("print", "apply").contains(args[0]))
                || (args.length == 2 && args[0].equals("users"));
        if (!valid) {
            System.err.println("usage: Acls print|apply|users <dir>   (apply, users: broker from"
                    + " KABAR_BOOTSTRAP_SERVERS, default 127.0.0.1:9092, as a super user configured by KABAR_KAFKA_*)");
            System.exit(2);
        }
        if (args[0].equals("print")) {
            print(System.out);
            return;
        }
        Map<String, String> env = System.getenv();
        Map<String, Object> admin =
                new HashMap<>(KafkaSecurity.fromEnvironment(env).clientProperties());
        admin.put("bootstrap.servers", env.getOrDefault("KABAR_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        if (args[0].equals("users")) {
            users(admin, Path.of(args[1]), System.out);
        } else {
            apply(admin, layout(env), System.out);
        }
    }

    /** Creates or updates every service's SCRAM-SHA-512 credentials from {@code <dir>/<service>/password}. */
    public static void users(Map<String, Object> adminProperties, Path dir, PrintStream out)
            throws IOException, InterruptedException, ExecutionException {
        List<UserScramCredentialAlteration> upserts = new ArrayList<>();
        for (Service service : Service.values()) {
            Path file = dir.resolve(service.user()).resolve("password");
            String password = Files.readString(file).strip();
            upserts.add(new UserScramCredentialUpsertion(
                    service.user(), new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password));
        }
        try (Admin admin = Admin.create(adminProperties)) {
            admin.alterUserScramCredentials(upserts).all().get();
        }
        out.printf("set the SCRAM-SHA-512 credentials of %d service(s)%n", upserts.size());
    }

    /** Prints every service's ACLs, one per line. */
    public static void print(PrintStream out) {
        KafkaAcls.describe(KafkaAcls.all()).forEach(out::println);
    }

    /** Creates the missing topics and brings every service principal's ACLs in line with the registry. */
    public static void apply(Map<String, Object> adminProperties, KabarKafkaProperties layout, PrintStream out)
            throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(adminProperties)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = Topics.allWithDeadLetters().stream()
                    .filter(topic -> !existing.contains(topic.name()))
                    .map(topic -> KafkaConfiguration.newTopic(topic, layout))
                    .toList();
            admin.createTopics(missing).all().get();
            out.printf("created %d topic(s)%n", missing.size());

            List<AclBinding> wanted = KafkaAcls.all();
            Set<AclBinding> present = new HashSet<>();
            List<AclBindingFilter> stale = new ArrayList<>();
            for (Service service : Service.values()) {
                for (AclBinding acl :
                        admin.describeAcls(principalFilter(service)).values().get()) {
                    if (wanted.contains(acl)) {
                        present.add(acl);
                    } else {
                        stale.add(acl.toFilter());
                    }
                }
            }
            List<AclBinding> toAdd =
                    wanted.stream().filter(acl -> !present.contains(acl)).toList();
            admin.createAcls(toAdd).all().get();
            if (!stale.isEmpty()) {
                admin.deleteAcls(stale).all().get();
            }
            out.printf("added %d ACL(s), deleted %d stale ACL(s)%n", toAdd.size(), stale.size());
        }
    }

    private static AclBindingFilter principalFilter(Service service) {
        return new AclBindingFilter(
                ResourcePatternFilter.ANY,
                new AccessControlEntryFilter(service.principal(), null, AclOperation.ANY, AclPermissionType.ANY));
    }

    private static KabarKafkaProperties layout(Map<String, String> env) {
        return new KabarKafkaProperties(
                Integer.parseInt(env.getOrDefault("KABAR_KAFKA_PARTITIONS", "6")),
                Short.parseShort(env.getOrDefault("KABAR_KAFKA_REPLICATION_FACTOR", "1")),
                Integer.parseInt(env.getOrDefault("KABAR_KAFKA_MIN_INSYNC_REPLICAS", "1")),
                0,
                Duration.ZERO,
                Duration.ofSeconds(3),
                Duration.ofMillis(Long.parseLong(env.getOrDefault("KABAR_KAFKA_MAX_COMPACTION_LAG_MS", "86400000"))),
                Duration.ofMillis(Long.parseLong(env.getOrDefault("KABAR_KAFKA_DELETE_RETENTION_MS", "604800000"))));
    }
}
