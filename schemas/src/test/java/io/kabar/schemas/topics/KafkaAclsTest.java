package io.kabar.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

class KafkaAclsTest {

    @Test
    void everyPlatformTopicHasExactlyOneWriterButTheSchemaRegistry() {
        // news.schemas is the one shared topic: a key (a schema fingerprint) always carries the same schema.
        assertThat(Topics.all())
                .filteredOn(topic -> topic != Topics.SCHEMAS)
                .allSatisfy(topic ->
                        assertThat(topic.access().writers()).as(topic.name()).hasSize(1));
    }

    @Test
    void onlyArticleServiceMayWriteArticles() {
        assertThat(principalsAllowed(AclOperation.WRITE, Topics.ARTICLES.name()))
                .containsExactly(Service.ARTICLE_SERVICE.principal());
        assertThat(principalsAllowed(AclOperation.READ, Topics.ARTICLES.name()))
                .containsExactlyInAnyOrder(
                        Service.ARTICLE_SERVICE.principal(),
                        Service.RELATED_LINKS_SERVICE.principal(),
                        Service.NOTIFICATION_SERVICE.principal(),
                        Service.TRENDING_SERVICE.principal(),
                        Service.SITE.principal());
    }

    @Test
    void theSiteReadsTheListsItShowsButOnlyTheirServicesWriteThem() {
        assertThat(principalsAllowed(AclOperation.READ, Topics.RELATED_LINKS.name()))
                .containsExactlyInAnyOrder(Service.RELATED_LINKS_SERVICE.principal(), Service.SITE.principal());
        assertThat(principalsAllowed(AclOperation.READ, Topics.TRENDING.name()))
                .containsExactlyInAnyOrder(Service.TRENDING_SERVICE.principal(), Service.SITE.principal());
        assertThat(principalsAllowed(AclOperation.WRITE, Topics.RELATED_LINKS.name()))
                .containsExactly(Service.RELATED_LINKS_SERVICE.principal());
        assertThat(principalsAllowed(AclOperation.WRITE, Topics.TRENDING.name()))
                .containsExactly(Service.TRENDING_SERVICE.principal());
    }

    @Test
    void onlyNotificationServiceMayReadSubscriptions() {
        assertThat(principalsAllowed(AclOperation.READ, Topics.SUBSCRIPTIONS.name()))
                .containsExactly(Service.NOTIFICATION_SERVICE.principal());
    }

    @Test
    void deadLettersAreWrittenByTheReadersOfTheirTopicAndReadByNoService() {
        String deadLetters = Topics.ARTICLES.deadLetter().name();

        assertThat(principalsAllowed(AclOperation.WRITE, deadLetters)).hasSize(Service.values().length);
        assertThat(principalsAllowed(AclOperation.READ, deadLetters)).isEmpty();
    }

    @Test
    void scopesGroupsAndTransactionalIdsByServicePrefix() {
        List<AclBinding> notification = KafkaAcls.of(Service.NOTIFICATION_SERVICE);

        assertThat(notification)
                .anySatisfy(acl -> {
                    assertThat(acl.pattern().resourceType()).isEqualTo(ResourceType.GROUP);
                    assertThat(acl.pattern().patternType()).isEqualTo(PatternType.PREFIXED);
                    assertThat("notification-matcher").startsWith(acl.pattern().name());
                })
                .anySatisfy(acl -> {
                    assertThat(acl.pattern().resourceType()).isEqualTo(ResourceType.TRANSACTIONAL_ID);
                    assertThat(acl.entry().operation()).isEqualTo(AclOperation.WRITE);
                });
        assertThat(notification)
                .noneMatch(acl -> acl.pattern().resourceType() == ResourceType.TOPIC
                        && acl.pattern().patternType() == PatternType.PREFIXED
                        && acl.entry().operation() != AclOperation.DESCRIBE);
    }

    @Test
    void letsOnlyTheStreamsApplicationManageItsInternalTopics() {
        assertThat(KafkaAcls.all())
                .filteredOn(acl -> acl.entry().operation() == AclOperation.ALL)
                .singleElement()
                .satisfies(acl -> {
                    assertThat(acl.entry().principal()).isEqualTo(Service.TRENDING_SERVICE.principal());
                    assertThat(acl.pattern().name()).isEqualTo("trending-service");
                });
    }

    private static Set<String> principalsAllowed(AclOperation operation, String topic) {
        return KafkaAcls.all().stream()
                .filter(acl -> acl.pattern().resourceType() == ResourceType.TOPIC
                        && acl.pattern().patternType() == PatternType.LITERAL
                        && acl.pattern().name().equals(topic)
                        && acl.entry().operation() == operation)
                .map(acl -> acl.entry().principal())
                .collect(Collectors.toSet());
    }
}
