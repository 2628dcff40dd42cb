package io.kabar.trending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.kabar.schemas.ArticleEventType;
import io.kabar.testing.Http;
import io.kabar.testing.SharedBroker;
import io.kabar.trending.counting.Counting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * An instance restarted on the state directory of the previous one rejoins both groups as the same static member (the
 * id stored in that directory), resumes the ranking stores from their checkpoints, restoring no changelog record, and
 * the counting from its snapshots, replaying no page view, and goes on counting where the previous one stopped (counts
 * and dedupe intact); on an empty state directory the same restart restores the changelogs and replays the views.
 */
class RestartIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path stateDir;

    @TempDir
    Path emptyStateDir;

    private final String applicationId = "trending-restart-" + UUID.randomUUID();
    private final AtomicLong restoredRecords = new AtomicLong();
    private ConfigurableApplicationContext instance;

    @AfterEach
    void stop() {
        if (instance != null) {
            instance.close();
        }
    }

    @Test
    void restartOnTheKeptStateDirectoryRejoinsAsTheSameMemberRestoresAndReplaysNothingAndKeepsCounting()
            throws Exception {
        String category = "restart-" + UUID.randomUUID();
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        TestTopics.articleEvent(ArticleEventType.PUBLISHED, a, 1, "Pemilu", category);
        TestTopics.articleEvent(ArticleEventType.PUBLISHED, b, 1, "Banjir", category);
        List<Map<String, Object>> firstViews = views(a, 0, 7);
        firstViews.addAll(views(b, 0, 5));

        Http first = start(stateDir);
        assertThat(first.post("/api/page-views", firstViews).status().value()).isEqualTo(202);
        awaitRanking(first, category, tuple(a, 7L), tuple(b, 5L));
        instance.close();
        restoredRecords.set(0);

        Http second = start(stateDir);
        await().atMost(PATIENCE).until(this::running);
        String instanceId = Files.readString(stateDir.resolve("kabar-instance-id"));
        assertThat(staticMembers(applicationId))
                .as("static members after the restart")
                .containsExactly(instanceId + "-1");
        assertThat(staticMembers(applicationId + "-counting")).containsExactly(instanceId + "-counting-0");
        // The first instance's sessions again (the dedupe, loaded from the snapshot, drops them) and four new sessions.
        List<Map<String, Object>> secondViews = new ArrayList<>(firstViews);
        secondViews.addAll(views(b, 5, 4));
        assertThat(second.post("/api/page-views", secondViews).status().value()).isEqualTo(202);
        awaitRanking(second, category, tuple(b, 9L), tuple(a, 7L));
        assertThat(restoredRecords).as("changelog records restored on restart").hasValue(0);
        assertThat(counting().replayedRecords())
                .as("page views replayed on restart")
                .isZero();

        // The control: on an empty state directory, the same restart restores the stores from their changelogs. The
        // instance id is configured this time (as KABAR_TRENDING_INSTANCE_ID would), so it replaces the same member.
        instance.close();
        restoredRecords.set(0);
        start(emptyStateDir, "--kabar.trending.instance-id=" + instanceId);
        await().atMost(PATIENCE).until(() -> running() && restoredRecords.get() > 0);
        // The topic is shared with the other tests: at least this test's views are replayed.
        assertThat(counting().replayedRecords()).as("page views replayed").isGreaterThanOrEqualTo(secondViews.size());
        assertThat(staticMembers(applicationId)).containsExactly(instanceId + "-1");
    }

    /**
     * The group's static member ids: Streams suffixes the instance id with its stream thread's index, the counting
     * with its loop's.
     */
    private List<String> staticMembers(String group) throws Exception {
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty(SharedBroker.ADDRESS)))) {
            return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get().members().stream()
                    .map(member -> member.groupInstanceId().orElse("dynamic"))
                    .toList();
        }
    }

    private static List<Map<String, Object>> views(String articleId, int firstSession, int sessions) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (int i = firstSession; i < firstSession + sessions; i++) {
            views.add(Map.of("articleId", articleId, "sessionId", articleId + "-" + i));
        }
        return views;
    }

    private static void awaitRanking(Http http, String category, Tuple... expected) {
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(http.get("/api/trending?window=1h&category=" + category)
                                .list("articles"))
                        .extracting(e -> e.get("articleId"), e -> ((Number) e.get("views")).longValue())
                        .containsExactly(expected));
    }

    private boolean running() {
        KafkaStreams streams = instance.getBean(StreamsBuilderFactoryBean.class).getKafkaStreams();
        return streams != null
                && streams.state() == KafkaStreams.State.RUNNING
                && counting().ready();
    }

    private Counting counting() {
        return instance.getBean(Counting.class);
    }

    /**
     * Starts an instance on the state directory that counts restored changelog records, with the default session
     * timeout: a restart that had to wait for the previous session to expire would take 45 s.
     */
    private Http start(Path stateDirectory, String... more) {
        StreamsBuilderFactoryBeanConfigurer restoreCounting =
                factory -> factory.setStateRestoreListener(new CountingRestoreListener(restoredRecords));
        List<String> args = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + System.getProperty(SharedBroker.ADDRESS),
                "--spring.kafka.streams.application-id=" + applicationId,
                "--kabar.trending.state-dir=" + stateDirectory,
                "--server.port=0",
                "--spring.main.banner-mode=off"));
        args.addAll(List.of(more));
        instance = new SpringApplicationBuilder(TrendingServiceApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("restoreCounting", restoreCounting))
                .run(args.toArray(String[]::new));
        return new Http(Integer.parseInt(instance.getEnvironment().getProperty("local.server.port")));
    }

    private record CountingRestoreListener(AtomicLong restored) implements StateRestoreListener {

        @Override
        public void onRestoreStart(TopicPartition partition, String store, long startOffset, long endOffset) {}

        @Override
        public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long records) {
            restored.addAndGet(records);
        }

        @Override
        public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {}
    }
}
