package io.kabar.related;

import static io.kabar.schemas.ArticleEventType.PUBLISHED;
import static io.kabar.schemas.ArticleEventType.UNPUBLISHED;
import static io.kabar.schemas.ArticleEventType.UPDATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kabar.related.index.IndexedArticles;
import io.kabar.related.lists.LinkList;
import io.kabar.related.lists.PublishedLists;
import io.kabar.related.ranking.RankingSettings;
import io.kabar.related.ranking.RelatedFinder;
import io.kabar.related.ranking.RelatedLink;
import io.kabar.related.ranking.Story;
import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.topics.Topics;
import io.kabar.testing.Http;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/** Two instances of the service on one broker share the computing and both answer every list, fresh. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
class TwoInstancesIT {

    private static final Duration SETTLED = Duration.ofSeconds(60);
    private static final int PARTITIONS = 3;
    private static final int ARTICLES_PER_PARTITION = 5;
    private static final String[] SUBJECTS = {
        "harga beras", "pupuk subsidi", "panen raya", "impor gandum", "cadangan pangan"
    };
    private static final String[] WEEKS = {"Awal Bulan", "Pertengahan Pekan Depan", "Menjelang Akhir Tahun"};

    @LocalServerPort
    int port;

    @Autowired
    ConfigurableApplicationContext first;

    @Test
    void sharesTheComputingAndServesEveryFreshListFromBothInstances() {
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(RelatedLinksServiceApplication.class)
                // Arguments, not default properties: those rank below application.properties' fixed port.
                .run("--server.port=0", "--spring.kafka.bootstrap-servers=" + TestTopics.brokers())) {
            List<ConfigurableApplicationContext> instances = List.of(first, second);
            // Both must own partitions of the requests before the work arrives, or the first would do it all.
            await().atMost(SETTLED).until(() -> instances.stream().allMatch(TwoInstancesIT::computesSomePartition));
            double[] computedBefore = instances.stream()
                    .mapToDouble(TwoInstancesIT::listsComputed)
                    .toArray();

            String region = RelatedLinksApiIT.name();
            List<String> ids = idsOnEveryPartition();
            Map<String, Long> revisions = new HashMap<>();
            List<ArticleEvent> events = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                events.add(article(PUBLISHED, ids.get(i), 1, region, i, ""));
                revisions.put(ids.get(i), 1L);
            }
            for (int i = 0; i < ids.size(); i += 3) {
                events.add(article(UPDATED, ids.get(i), 2, region, i, " Diperbarui"));
                revisions.put(ids.get(i), 2L);
            }
            String withdrawn = ids.get(1);
            events.add(article(UNPUBLISHED, withdrawn, 2, region, 1, ""));
            revisions.remove(withdrawn);
            TestTopics.publish(events.toArray(ArticleEvent[]::new));

            RelatedFinder finder = first.getBean(RelatedFinder.class);
            List<Http> apis = List.of(new Http(port), new Http(port(second)));
            await().atMost(SETTLED).untilAsserted(() -> {
                for (Map.Entry<String, Long> article : revisions.entrySet()) {
                    String id = article.getKey();
                    Optional<Story> story = first.getBean(IndexedArticles.class).find(id);
                    assertThat(story).as("indexed %s", id).isPresent();
                    List<String> expected = finder.relatedTo(story.get(), RankingSettings.MAX_LIMIT).stream()
                            .map(TwoInstancesIT::idAndTitle)
                            .toList();
                    for (ConfigurableApplicationContext instance : instances) {
                        Optional<LinkList> list =
                                instance.getBean(PublishedLists.class).find(id);
                        assertThat(list).as("list of %s", id).isPresent();
                        assertThat(list.get().sourceRevision())
                                .as("revision of %s", id)
                                .isEqualTo(article.getValue());
                        assertThat(list.get().links())
                                .extracting(TwoInstancesIT::idAndTitle)
                                .as("links of %s", id)
                                // Any order: the ranking's recency term reads the clock, so near-ties computed a
                                // moment apart may swap; the titles still show each link is of the fresh revision.
                                .containsExactlyInAnyOrderElementsOf(expected)
                                .noneMatch(link -> link.startsWith(withdrawn));
                    }
                    // Both instances serve the one stored list, in its order.
                    List<String> expectedIds =
                            first.getBean(PublishedLists.class).find(id).orElseThrow().links().stream()
                                    .map(link -> idAndTitle(link).split(" ")[0])
                                    .toList();
                    for (Http api : apis) {
                        assertThat(api.get("/api/articles/" + id + "/related?limit=20")
                                        .pluck("links", "articleId"))
                                .as("served list of %s", id)
                                .containsExactlyElementsOf(expectedIds);
                    }
                }
                for (Http api : apis) {
                    assertThat(api.get("/api/articles/" + withdrawn + "/related")
                                    .status())
                            .isEqualTo(HttpStatus.NOT_FOUND);
                }
            });
            for (int i = 0; i < instances.size(); i++) {
                assertThat(listsComputed(instances.get(i)))
                        .as("lists computed by instance %d", i + 1)
                        .isGreaterThan(computedBefore[i]);
            }
        }
    }

    /** Fresh ids, the same number of them keyed to each partition of the requests topic. */
    private static List<String> idsOnEveryPartition() {
        Map<Integer, List<String>> byPartition = new HashMap<>();
        List<String> ids = new ArrayList<>();
        while (ids.size() < PARTITIONS * ARTICLES_PER_PARTITION) {
            String id = RelatedLinksApiIT.id();
            int partition = Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
            List<String> same = byPartition.computeIfAbsent(partition, p -> new ArrayList<>());
            if (same.size() < ARTICLES_PER_PARTITION) {
                same.add(id);
                ids.add(id);
            }
        }
        return ids;
    }

    /** A food-security story of the made-up region; the subject varies with {@code n} so titles do not repeat. */
    private static ArticleEvent article(
            io.kabar.schemas.ArticleEventType type, String id, long revision, String region, int n, String edit) {
        String subject = SUBJECTS[n % SUBJECTS.length];
        String title = "Kabupaten " + region + " Bahas " + subject + " " + WEEKS[n / SUBJECTS.length] + edit;
        String body = "Pemerintah Kabupaten " + region + " membahas " + subject + " bersama petani. Bupati " + region
                + " meminta dinas pertanian memantau " + subject + " di setiap kecamatan.";
        return TestTopics.event(
                type,
                id,
                revision,
                title,
                body,
                "Ekonomi",
                Instant.parse("2025-06-10T01:00:00Z").plusSeconds(60L * n));
    }

    private static String idAndTitle(RelatedLink link) {
        return link.id() + " " + link.title();
    }

    private static boolean computesSomePartition(ConfigurableApplicationContext instance) {
        var container = instance.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("compute-lists");
        return container != null
                && container.getAssignedPartitions() != null
                && container.getAssignedPartitions().stream()
                        .anyMatch(p -> p.topic().equals(Topics.RELATED_LINKS_REQUESTS.name()));
    }

    private static double listsComputed(ConfigurableApplicationContext instance) {
        return instance.getBean(MeterRegistry.class)
                .get("kabar.related.lists.computed")
                .counter()
                .count();
    }

    private static int port(ConfigurableApplicationContext instance) {
        return Integer.parseInt(instance.getEnvironment().getProperty("local.server.port"));
    }
}
