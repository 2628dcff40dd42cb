package io.kabar.platform.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kabar.platform.KabarKafkaProperties;
import io.kabar.schemas.topics.Service;
import io.kabar.schemas.topics.Topics;
import io.kabar.testing.SecuredBroker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The ACLs generated from the topic registry, applied to a broker that authenticates and authorizes every client. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AclsIT {

    private SecuredBroker broker;

    @BeforeAll
    void startSecuredBrokerAndApplyTheAcls() throws Exception {
        broker = SecuredBroker.start(1, admin -> assertThat(apply(admin)).contains("added "));
    }

    @AfterAll
    void stopBroker() {
        broker.close();
    }

    @Test
    void applyingTwiceChangesNothing() throws Exception {
        assertThat(apply(broker.admin()))
                .contains("created 0 topic(s)")
                .contains("added 0 ACL(s), deleted 0 stale ACL(s)");
    }

    @Test
    void onlyArticleServiceCanWriteArticles() throws Exception {
        send(Service.ARTICLE_SERVICE, Topics.ARTICLES.name(), "by-the-newsroom");

        assertThatThrownBy(() -> send(Service.RELATED_LINKS_SERVICE, Topics.ARTICLES.name(), "forged"))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> send(Service.NOTIFICATION_SERVICE, Topics.ARTICLES.name(), "forged"))
                .hasCauseInstanceOf(TopicAuthorizationException.class);

        assertThat(readAll(broker.admin(), Topics.ARTICLES.name()))
                .extracting(ConsumerRecord::key)
                .containsExactly("by-the-newsroom");
    }

    @Test
    void onlyNotificationServiceCanReadSubscriptions() throws Exception {
        send(Service.NOTIFICATION_SERVICE, Topics.SUBSCRIPTIONS.name(), "a-subscription");

        assertThat(readAll(broker.clientAs(Service.NOTIFICATION_SERVICE), Topics.SUBSCRIPTIONS.name()))
                .extracting(ConsumerRecord::key)
                .containsExactly("a-subscription");

        assertThatThrownBy(() -> readAll(broker.clientAs(Service.TRENDING_SERVICE), Topics.SUBSCRIPTIONS.name()))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> readAll(broker.clientAs(Service.ARTICLE_SERVICE), Topics.SUBSCRIPTIONS.name()))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    private static String apply(Map<String, Object> admin) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Acls.apply(
                admin,
                new KabarKafkaProperties(
                        1,
                        (short) 1,
                        1,
                        0,
                        Duration.ZERO,
                        Duration.ofSeconds(3),
                        Duration.ofDays(1),
                        Duration.ofDays(7)),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private void send(Service as, String topic, String key) throws InterruptedException, ExecutionException {
        Map<String, Object> props = new HashMap<>(broker.clientAs(as));
        props.put("max.block.ms", 20_000);
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, "value")).get();
        }
    }

    private static List<ConsumerRecord<String, String>> readAll(Map<String, Object> client, String topic) {
        Map<String, Object> props = new HashMap<>(client);
        props.put("isolation.level", "read_committed");
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long end = consumer.endOffsets(partitions).get(partitions.getFirst());
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            do {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            } while (consumer.position(partitions.getFirst()) < end);
            return records;
        }
    }
}
