package io.kabar.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.kabar.platform.KabarKafkaProperties;
import io.kabar.platform.tools.Acls;
import io.kabar.schemas.topics.Service;
import io.kabar.testing.Http;
import io.kabar.testing.SecuredBroker;
import io.kabar.testing.TestBroker;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.http.HttpStatus;

/**
 * The four services as production runs them, each its own jar in its own JVM logged in as its own principal, on a
 * broker secured by the operators' ACL tool; with an HTTP client per service and the reads the scenarios share.
 */
final class WholeStack implements AutoCloseable {

    final SecuredBroker broker;
    final Http articles;
    final Http related;
    final Http notifications;
    final Http trending;
    final int notificationPort;
    private final List<ServiceProcess> services;

    private WholeStack(SecuredBroker broker, List<ServiceProcess> services) {
        this.broker = broker;
        this.services = services;
        this.articles = new Http(services.get(0).port());
        this.related = new Http(services.get(1).port());
        this.notifications = new Http(services.get(2).port());
        this.trending = new Http(services.get(3).port());
        this.notificationPort = services.get(2).port();
    }

    /** Secures a fresh broker as {@code ./kabar up --secure} does, then starts the services and waits until ready. */
    static WholeStack start() throws Exception {
        SecuredBroker broker = SecuredBroker.start(6, admin -> Acls.apply(admin, layout(), quiet()));
        List<ServiceProcess> services = new ArrayList<>();
        try {
            services.add(ServiceProcess.start(broker, Service.ARTICLE_SERVICE));
            services.add(ServiceProcess.start(broker, Service.RELATED_LINKS_SERVICE));
            services.add(ServiceProcess.start(
                    broker, Service.NOTIFICATION_SERVICE, "--kabar.notifications.allow-loopback=true"));
            services.add(
                    ServiceProcess.start(broker, Service.TRENDING_SERVICE, "--kabar.web.trusted-proxies=127.0.0.1/32"));
            // Four JVMs start at once on two cores: generous, since a loaded CI machine is slow, not broken.
            services.forEach(s -> s.awaitReady(Duration.ofMinutes(10)));
            return new WholeStack(broker, services);
        } catch (Exception | AssertionError e) {
            stop(services, broker);
            throw e;
        }
    }

    private static KabarKafkaProperties layout() {
        return new KabarKafkaProperties(
                6, (short) 1, 1, 0, Duration.ZERO, Duration.ofSeconds(3), Duration.ofDays(1), Duration.ofDays(7));
    }

    private static PrintStream quiet() {
        return new PrintStream(OutputStream.nullOutputStream());
    }

    List<ServiceProcess> services() {
        return services;
    }

    /** The article ids of the article's related list, or none while it has no list yet. */
    List<Object> relatedTo(String id) {
        Http.Answer answer = related.get("/api/articles/" + id + "/related?limit=5");
        return answer.status().is2xxSuccessful() ? answer.pluck("links", "articleId") : List.of();
    }

    /**
     * Each reader's view comes from its own address, as reader pages do, relayed by a trusted proxy: trending-service
     * counts at most a few new sessions per article, address and minute, so one address could not lift a story.
     */
    void views(String articleId, int readers) {
        for (int i = 0; i < readers; i++) {
            String reader = "198.51.100." + (i + 1);
            Map<String, String> view = Map.of("articleId", articleId, "sessionId", "reader-" + i);
            assertThat(trending.post("/api/page-views", view, h -> h.set("X-Forwarded-For", reader))
                            .status())
                    .isEqualTo(HttpStatus.ACCEPTED);
        }
    }

    /** Writes a record to the topic logged in as the service's principal. */
    void send(Service as, String topic, String key) throws InterruptedException, ExecutionException {
        Map<String, Object> props = new HashMap<>(broker.clientAs(as));
        props.put("max.block.ms", 30_000);
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, "{}")).get();
        }
    }

    static List<ConsumerRecord<String, byte[]>> records(Map<String, Object> client, String topic) {
        return TestBroker.readAll(client, topic, new ByteArrayDeserializer());
    }

    @Override
    public void close() {
        stop(services, broker);
    }

    private static void stop(List<ServiceProcess> services, SecuredBroker broker) {
        for (ServiceProcess service : services) {
            try {
                service.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        broker.close();
    }
}
