package io.kabar.schemas.topics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Derives the least-privilege Kafka ACLs of every service from the topic registry: write where a topic names the
 * service as writer, read where as reader, its consumer groups and transactional ids by prefix, and describe on the
 * registry's topics so that a service can check at start that they exist. Anything not listed is denied (the cluster
 * runs {@code StandardAuthorizer} with {@code allow.everyone.if.no.acl.found=false}).
 */
public final class KafkaAcls {

    /** Every Kabar topic name starts with this. */
    static final String TOPIC_PREFIX = "news.";

    private KafkaAcls() {}

    /** The ACLs of every service, grouped by service, in a stable order. */
    public static Map<Service, List<AclBinding>> byService() {
        Map<Service, List<AclBinding>> acls = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            acls.put(service, of(service));
        }
        return acls;
    }

    /** Every ACL of every service. */
    public static List<AclBinding> all() {
        return byService().values().stream().flatMap(List::stream).toList();
    }

    /** The ACLs of one service. */
    public static List<AclBinding> of(Service service) {
        List<AclBinding> acls = new ArrayList<>();
        allow(acls, service, topic(TOPIC_PREFIX, PatternType.PREFIXED), AclOperation.DESCRIBE);
        for (TopicSpec<?, ?> topic : Topics.allWithDeadLetters()) {
            ResourcePattern resource = topic(topic.name(), PatternType.LITERAL);
            if (topic.access().writers().contains(service)) {
                allow(acls, service, resource, AclOperation.WRITE);
            }
            if (topic.access().readers().contains(service)) {
                allow(acls, service, resource, AclOperation.READ);
            }
        }
        ResourcePattern transactionalIds =
                new ResourcePattern(ResourceType.TRANSACTIONAL_ID, service.resourcePrefix(), PatternType.PREFIXED);
        allow(acls, service, transactionalIds, AclOperation.WRITE);
        allow(acls, service, transactionalIds, AclOperation.DESCRIBE);
        allow(
                acls,
                service,
                new ResourcePattern(ResourceType.GROUP, service.resourcePrefix(), PatternType.PREFIXED),
                AclOperation.READ);
        if (service.streams()) {
            // Kafka Streams creates, reads, writes, configures and purges its changelog and repartition topics.
            allow(acls, service, topic(service.resourcePrefix(), PatternType.PREFIXED), AclOperation.ALL);
        }
        return List.copyOf(acls);
    }

    /** One line per ACL, in the terms of {@code kafka-acls.sh --list}. */
    public static Stream<String> describe(List<AclBinding> acls) {
        return acls.stream()
                .sorted(Comparator.comparing(AclBinding::toString))
                .map(acl -> String.format(
                        "%-28s %-5s %-9s %s %s:%s",
                        acl.entry().principal(),
                        acl.entry().permissionType(),
                        acl.entry().operation(),
                        acl.pattern().resourceType(),
                        acl.pattern().patternType(),
                        acl.pattern().name()));
    }

    private static ResourcePattern topic(String name, PatternType type) {
        return new ResourcePattern(ResourceType.TOPIC, name, type);
    }

    private static void allow(List<AclBinding> acls, Service service, ResourcePattern resource, AclOperation op) {
        acls.add(new AclBinding(
                resource, new AccessControlEntry(service.principal(), "*", op, AclPermissionType.ALLOW)));
    }
}
