package io.kabar.trending.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kabar.schemas.Article;
import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.ArticleEventType;
import io.kabar.schemas.PageView;
import io.kabar.schemas.TrendingArticle;
import io.kabar.schemas.TrendingCount;
import io.kabar.schemas.TrendingCounts;
import io.kabar.schemas.TrendingRanking;
import io.kabar.schemas.serde.SchemaRegistry;
import io.kabar.schemas.topics.Topics;
import io.kabar.trending.counting.PartitionCounts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ranking stage on {@code TopologyTestDriver}, fed by the counting rules of one partition ({@link PartitionCounts})
 * so that every rule is also asserted end to end, from views to published rankings.
 */
class TrendingTopologyTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final String POLITIK = "politik";
    private static final String OLAHRAGA = "olahraga";
    private static final byte[] COUNTED_BY =
            TrendingTopology.countingGroup("trending-test").getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TrendingSettings settings;
    private TestInputTopic<String, ArticleEvent> articles;
    private TestInputTopic<String, TrendingCounts> counts;
    private PartitionCounts counting;
    private TestInputTopic<String, RankingInput> rankingInputs;
    private TestOutputTopic<String, TrendingRanking> trending;
    private final Map<String, TrendingRanking> latest = new HashMap<>();

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void countsViewsWithinTheOneHourAndTwentyFourHourWindows() {
        start(TrendingSettings.defaults());
        publish("a", 1, "Pemilu", POLITIK, T0);
        publish("b", 1, "Liga 1", OLAHRAGA, T0);
        view("a", "s1", T0.plusSeconds(60));
        view("a", "s2", T0.plusSeconds(120));
        view("b", "s1", T0.plusSeconds(180));
        view("a", "s3", T0.plusSeconds(240));

        assertThat(views("1h", null)).containsExactly(tuple("a", 3L), tuple("b", 1L));
        assertThat(views("24h", null)).containsExactly(tuple("a", 3L), tuple("b", 1L));
    }

    @Test
    void viewOlderThanTheWindowLeavesTheOneHourRankingButStaysInTwentyFourHours() {
        start(TrendingSettings.defaults());
        publish("a", 1, "Pemilu", POLITIK, T0);
        publish("b", 1, "Liga 1", OLAHRAGA, T0);
        view("a", "s1", T0);
        view("b", "s2", T0.plus(Duration.ofMinutes(70)));

        assertThat(views("1h", null)).containsExactly(tuple("b", 1L));
        assertThat(views("1h", POLITIK)).isEmpty();
        assertThat(views("24h", null)).containsExactly(tuple("a", 1L), tuple("b", 1L));
        assertThat(views("24h", POLITIK)).containsExactly(tuple("a", 1L));
    }

    @Test
    void sameSessionWithinThirtyMinutesCountsOnce() {
        start(TrendingSettings.defaults());
        publish("a", 1, "Pemilu", POLITIK, T0);
        view("a", "s1", T0);
        view("a", "s1", T0.plus(Duration.ofMinutes(29)));
        view("a", "s2", T0.plus(Duration.ofMinutes(29)));

        assertThat(views("1h", null)).containsExactly(tuple("a", 2L));
    }

    @Test
    void sameSessionCountsOnceWithinThirtyMinutesAcrossTheStoreSlotsBoundary() {
        start(TrendingSettings.defaults());
        publish("a", 1, "Pemilu", POLITIK, T0);
        publish("b", 1, "Banjir", POLITIK, T0);
        // The session store files views in hour-long slots (two dedupe intervals): 10:50 and 11:19 lie in two.
        view("a", "s1", T0.plus(Duration.ofMinutes(50)));
        view("b", "s1", T0.plus(Duration.ofMinutes(50)));
        view("a", "s1", T0.plus(Duration.ofMinutes(79)));
        view("b", "s1", T0.plus(Duration.ofMinutes(80)));

        assertThat(views("1h", null)).containsExactly(tuple("b", 2L), tuple("a", 1L));
    }

    @Test
    void sameSessionThirtyMinutesLaterCountsTwice() {
        start(TrendingSettings.defaults());
        publish("a", 1, "Pemilu", POLITIK, T0);
        view("a", "s1", T0);
        view("a", "s1", T0.plus(Duration.ofMinutes(30)));

        assertThat(views("1h", null)).containsExactly(tuple("a", 2L));
    }

    @Test
    void lateViewWithinGraceIsCounted() {
        start(TrendingSettings.defaults());
        publish("a", 1, "Pemilu", POLITIK, T0);
        publish("b", 1, "Liga 1", OLAHRAGA, T0);
        view("a", "s1", T0.plus(Duration.ofMinutes(50)));
        view("b", "s1", T0.plus(Duration.ofMinutes(63)));
        view("a", "s2", T0.plus(Duration.ofMinutes(59)));

        assertThat(views("1h", null)).containsExactly(tuple("a", 2L), tuple("b", 1L));
    }

    @Test
    void viewLaterThanGraceIsDropped() {
        start(TrendingSettings.defaults());
        publish("a", 1, "Pemilu", POLITIK, T0);
        publish("b", 1, "Liga 1", OLAHRAGA, T0);
        view("a", "s1", T0.plus(Duration.ofMinutes(50)));
        view("b", "s1", T0.plus(Duration.ofMinutes(63)));
        view("a", "s2", T0.plus(Duration.ofMinutes(57)));

        assertThat(views("1h", null)).containsExactly(tuple("a", 1L), tuple("b", 1L));
        assertThat(views("24h", null)).containsExactly(tuple("a", 1L), tuple("b", 1L));
    }

    @Test
    void viewsOfUnknownArticleDoNotAppear() {
        start(TrendingSettings.defaults());
        publish("a", 1, "Pemilu", POLITIK, T0);
        view("ghost", "s1", T0);
        view("ghost", "s2", T0);
        view("a", "s1", T0.plusSeconds(1));

        assertThat(views("1h", null)).containsExactly(tuple("a", 1L));
        assertThat(latest)
                .allSatisfy((key, ranking) -> assertThat(ranking.getArticles())
                        .extracting(TrendingArticle::getArticleId)
                        .doesNotContain("ghost"));
    }

    @Test
    void viewsBeforePublicationCountOnceTheArticleIsPublished() {
        start(TrendingSettings.defaults());
        view("a", "s1", T0);
        view("a", "s2", T0.plusSeconds(1));
        assertThat(trending.isEmpty()).isTrue();

        publish("a", 1, "Pemilu", POLITIK, T0.plusSeconds(2));

        assertThat(views("1h", null)).containsExactly(tuple("a", 2L));
        assertThat(views("1h", POLITIK)).containsExactly(tuple("a", 2L));
    }

    @Test
    void unpublishingRemovesTheArticleFromEveryRanking() {
        start(TrendingSettings.defaults());
        publish("a", 1, "Pemilu", POLITIK, T0);
        publish("b", 1, "Kabinet", POLITIK, T0);
        view("a", "s1", T0);
        view("a", "s2", T0);
        view("b", "s1", T0);

        articles.pipeInput("a", event(ArticleEventType.UNPUBLISHED, "a", 2, "Pemilu", POLITIK), T0.plusSeconds(10));
        view("a", "s3", T0.plusSeconds(20));

        for (String window : List.of("1h", "24h")) {
            assertThat(views(window, null)).containsExactly(tuple("b", 1L));
            assertThat(views(window, POLITIK)).containsExactly(tuple("b", 1L));
        }
    }

    @Test
    void aTakedownRemovesTheArticleFromEveryRankingAndFromTheRankersStore() {
        start(TrendingSettings.defaults());
        publish("a", 1, "Skandal pribadi", POLITIK, T0);
        publish("b", 1, "Kabinet", POLITIK, T0);
        view("a", "s1", T0);
        view("b", "s1", T0);

        articles.pipeInput("a", event(ArticleEventType.UNPUBLISHED, "a", 2, "", POLITIK), T0.plusSeconds(10));
        articles.pipeInput("a", (ArticleEvent) null, T0.plusSeconds(10));
        view("b", "s2", T0.plusSeconds(20));

        for (String window : List.of("1h", "24h")) {
            assertThat(views(window, null)).containsExactly(tuple("b", 2L));
            assertThat(ranking(window, POLITIK).getArticles())
                    .extracting(a -> a.getTitle())
                    .containsExactly("Kabinet");
        }
        assertThat(driver.getKeyValueStore(TrendingTopology.ARTICLE_STORE).get("a"))
                .isNull();
    }

    @Test
    void editedTitleShowsInTheRankingAndStaleRevisionsAreIgnored() {
        start(TrendingSettings.defaults());
        publish("a", 1, "Judul lama", POLITIK, T0);
        view("a", "s1", T0);

        articles.pipeInput("a", event(ArticleEventType.UPDATED, "a", 3, "Judul baru", POLITIK), T0.plusSeconds(5));
        articles.pipeInput("a", event(ArticleEventType.UPDATED, "a", 2, "Judul lama", POLITIK), T0.plusSeconds(6));
        articles.pipeInput("a", event(ArticleEventType.UNPUBLISHED, "a", 3, "Judul baru", POLITIK), T0.plusSeconds(7));

        for (String window : List.of("1h", "24h")) {
            assertThat(ranking(window, null).getArticles())
                    .extracting(TrendingArticle::getTitle, TrendingArticle::getViews)
                    .containsExactly(tuple("Judul baru", 1L));
        }
    }

    @Test
    void changedCategoryMovesTheArticleWithItsViews() {
        start(TrendingSettings.defaults());
        publish("a", 1, "Pemilu", POLITIK, T0);
        view("a", "s1", T0);

        articles.pipeInput("a", event(ArticleEventType.UPDATED, "a", 2, "Pemilu", OLAHRAGA), T0.plusSeconds(5));

        assertThat(views("1h", POLITIK)).isEmpty();
        assertThat(views("1h", OLAHRAGA)).containsExactly(tuple("a", 1L));
        assertThat(ranking("1h", null).getArticles())
                .extracting(TrendingArticle::getCategory)
                .containsExactly(OLAHRAGA);
    }

    @Test
    void categoryRankingHoldsOnlyThatCategory() {
        start(TrendingSettings.defaults());
        publish("a", 1, "Pemilu", POLITIK, T0);
        publish("b", 1, "Liga 1", OLAHRAGA, T0);
        view("a", "s1", T0);
        view("b", "s1", T0);
        view("b", "s2", T0);

        assertThat(views("1h", POLITIK)).containsExactly(tuple("a", 1L));
        assertThat(views("1h", OLAHRAGA)).containsExactly(tuple("b", 2L));
        assertThat(ranking("1h", POLITIK).getCategory()).isEqualTo(POLITIK);
        assertThat(ranking("1h", null).getCategory()).isNull();
    }

    @Test
    void rankingHoldsTheTopNMostViewedFirst() {
        start(TrendingSettings.defaults().withTopN(3));
        List<String> ids = List.of("a", "b", "c", "d", "e");
        for (int i = 0; i < ids.size(); i++) {
            publish(ids.get(i), 1, "Artikel " + ids.get(i), POLITIK, T0);
            for (int session = 0; session <= i; session++) {
                view(ids.get(i), "s" + session, T0.plusSeconds(i));
            }
        }

        assertThat(views("1h", null)).containsExactly(tuple("e", 5L), tuple("d", 4L), tuple("c", 3L));
        assertThat(ranking("1h", null).getArticles())
                .extracting(TrendingArticle::getScore)
                .allSatisfy(score -> assertThat(score).isPositive());
    }

    @Test
    void articleNobodyReadsLeavesTheLastHourWithinAMinuteOfTheHourPassingWithoutNewViews() {
        start(TrendingSettings.defaults());
        publish("a", 1, "Pemilu", POLITIK, T0);
        publish("b", 1, "Liga 1", OLAHRAGA, T0);
        view("a", "s1", T0);
        view("b", "s1", T0.plus(Duration.ofMinutes(30)));
        assertThat(views("1h", null)).containsExactly(tuple("a", 1L), tuple("b", 1L));

        driver.advanceWallClockTime(Duration.ofMinutes(61));
        assertThat(views("1h", null)).containsExactly(tuple("b", 1L));
        assertThat(views("1h", POLITIK)).isEmpty();
        assertThat(views("24h", null)).containsExactly(tuple("a", 1L), tuple("b", 1L));

        driver.advanceWallClockTime(Duration.ofMinutes(30));
        assertThat(views("1h", null)).isEmpty();
        assertThat(ranking("1h", null).getArticles()).isEmpty();
        assertThat(views("24h", OLAHRAGA)).containsExactly(tuple("b", 1L));
    }

    @Test
    void risingListsArticlesWhoseRecentViewsMostExceedTheirEarlierRateAboveAFloor() {
        TrendingSettings defaults = TrendingSettings.defaults();
        start(new TrendingSettings(
                defaults.windows(),
                defaults.dedupeInterval(),
                defaults.grace(),
                defaults.topN(),
                new TrendingSettings.Rising(Duration.ofMinutes(10), Duration.ofHours(1), 20),
                defaults.rankInterval(),
                defaults.clientSessionsPerMinute(),
                defaults.sessionArticlesPerMinute()));
        publish("old", 1, "Banjir kemarin", POLITIK, T0);
        publish("new", 1, "Gempa", POLITIK, T0);
        publish("few", 1, "Resep", OLAHRAGA, T0);
        Instant recent = T0.plus(Duration.ofMinutes(55));
        views("old", 25, T0.plus(Duration.ofMinutes(10)));
        // old: 45 recent where its earlier rate predicts 5 (25 views in the 50 min before) -> 45 / (5 + 20) = 1.8
        views("old", 45, recent);
        // new: 40 recent and none before -> 40 / (0 + 20) = 2.0
        views("new", 40, recent);
        // few: 3 recent, under the floor of 20
        views("few", 3, recent);

        assertThat(views("rising", null)).containsExactly(tuple("new", 40L), tuple("old", 45L));
        assertThat(ranking("rising", null).getArticles())
                .extracting(TrendingArticle::getScore)
                .containsExactly(2.0, 1.8);
        assertThat(views("rising", OLAHRAGA)).isEmpty();
        assertThat(views("1h", null)).containsExactly(tuple("old", 70L), tuple("new", 40L), tuple("few", 3L));
    }

    @Test
    void scriptInventingThousandsOfSessionsFromOneClientCannotLiftAnArticleAboveOneGenuinelyRead() {
        start(TrendingSettings.defaults());
        publish("gamed", 1, "Iklan", POLITIK, T0);
        publish("genuine", 1, "Pemilu", POLITIK, T0);
        for (int i = 0; i < 2_000; i++) {
            view("gamed", "invented-" + i, "script", T0.plusMillis(i));
        }
        for (int i = 0; i < 30; i++) {
            view("genuine", "reader-" + i, "reader-address-" + i, T0.plusSeconds(5));
        }

        assertThat(views("1h", null)).containsExactly(tuple("genuine", 30L), tuple("gamed", 20L));
    }

    @Test
    void readerReloadingAnArticleDoesNotUseUpThePlacesOfItsAddress() {
        start(TrendingSettings.defaults());
        publish("a", 1, "Pemilu", POLITIK, T0);
        int cap = TrendingSettings.defaults().clientSessionsPerMinute();
        for (int i = 0; i < cap; i++) {
            view("a", "office-" + i, "office", T0.plusSeconds(i));
            // The first reader reloads between the others' first views: still one session of the address.
            view("a", "office-0", "office", T0.plusSeconds(i).plusMillis(500));
        }
        view("a", "office-" + cap, "office", T0.plusSeconds(50));

        assertThat(views("1h", null)).containsExactly(tuple("a", (long) cap));
    }

    @Test
    void viewTheSessionCapDroppedCountsWhenTheSessionViewsTheArticleAgainInALaterMinute() {
        start(TrendingSettings.defaults().withTopN(50));
        int cap = TrendingSettings.defaults().sessionArticlesPerMinute();
        for (int i = 0; i <= cap; i++) {
            publish("a" + i, 1, "Artikel " + i, POLITIK, T0);
            view("a" + i, "crawler", T0.plusMillis(100L * i));
        }
        assertThat(total("1h")).isEqualTo(cap);

        // The capped view was not remembered by the dedupe: a minute later the same article counts.
        view("a" + cap, "crawler", T0.plus(Duration.ofMinutes(1)));
        // A counted one was: it does not count again within the dedupe interval.
        view("a0", "crawler", T0.plus(Duration.ofMinutes(1)));

        assertThat(total("1h")).isEqualTo(cap + 1L);
    }

    @Test
    void sessionViewingAHundredArticlesInAMinuteCountsOnlyTheCapOfThem() {
        start(TrendingSettings.defaults().withTopN(200));
        for (int i = 0; i < 100; i++) {
            publish("a" + i, 1, "Artikel " + i, POLITIK, T0);
            publish("b" + i, 1, "Berita " + i, POLITIK, T0);
        }
        for (int i = 0; i < 100; i++) {
            view("a" + i, "crawler", T0.plusMillis(500L * i));
        }
        view("a99", "reader", T0.plusSeconds(59));

        int cap = TrendingSettings.defaults().sessionArticlesPerMinute();
        assertThat(views("1h", null)).hasSize(cap + 1);
        assertThat(total("1h")).isEqualTo(cap + 1L);

        // The next minute, the session's views of other articles count again, up to the cap.
        for (int i = 0; i < 100; i++) {
            view("b" + i, "crawler", T0.plus(Duration.ofMinutes(1)).plusMillis(500L * i));
        }
        assertThat(total("1h")).isEqualTo(2L * cap + 1);
    }

    @Test
    void incrementsReachingTheRankingStageFarBehindItsStreamTimeFromABackloggedPartitionAreAllCounted() {
        start(TrendingSettings.defaults());
        publish("fresh", 1, "Pemilu", POLITIK, T0);
        publish("backlogged", 1, "Banjir", POLITIK, T0);
        view("fresh", "s0", T0.plus(Duration.ofMinutes(40)));

        // A partition 30 minutes behind the others hands on its minute counts behind the ranking stage's stream
        // time, far more than the grace: each still counts in its own minute.
        Instant behind = T0.plus(Duration.ofMinutes(10));
        rankingInputs.pipeInput(
                "backlogged", new RankingInput.BucketViews("backlogged", Buckets.of(behind.toEpochMilli()), 2), behind);
        rankingInputs.pipeInput(
                "backlogged",
                new RankingInput.BucketViews("backlogged", Buckets.of(behind.toEpochMilli()) + 1, 1),
                behind);

        assertThat(views("1h", null)).containsExactly(tuple("backlogged", 3L), tuple("fresh", 1L));
    }

    @Test
    void incrementsCountedByAnotherApplicationsCountingAreIgnored() {
        start(TrendingSettings.defaults());
        publish("a", 1, "Pemilu", POLITIK, T0);
        view("a", "s1", T0);
        long minute = Buckets.of(T0.toEpochMilli());
        counts.pipeInput(new TestRecord<>(
                "0",
                new TrendingCounts(List.of(new TrendingCount("a", minute, 5L))),
                new RecordHeaders().add(OwnCounts.COUNTED_BY, "other-counting".getBytes(StandardCharsets.UTF_8)),
                T0));
        counts.pipeInput(new TestRecord<>(
                "0", new TrendingCounts(List.of(new TrendingCount("a", minute, 7L))), new RecordHeaders(), T0));

        assertThat(views("1h", null)).containsExactly(tuple("a", 1L));
    }

    @Test
    void oneRecordOfACountingCommitAddsTheViewsOfEveryArticleAndMinuteInIt() {
        start(TrendingSettings.defaults());
        publish("a", 1, "Pemilu", POLITIK, T0);
        publish("b", 1, "Banjir", POLITIK, T0);
        long minute = Buckets.of(T0.toEpochMilli());
        counts.pipeInput(new TestRecord<>(
                "3",
                new TrendingCounts(List.of(
                        new TrendingCount("a", minute - 1, 2L),
                        new TrendingCount("b", minute, 4L),
                        new TrendingCount("a", minute, 3L))),
                new RecordHeaders().add(OwnCounts.COUNTED_BY, COUNTED_BY),
                T0));

        assertThat(views("1h", null)).containsExactly(tuple("a", 5L), tuple("b", 4L));
    }

    /**
     * The counts reach the ranking without a repartition, the article changes through one; the ranking keeps task
     * 1_0, so that a kept state directory of the release before still holds its stores.
     */
    @Test
    void theRankingReadsTheCountsTopicDirectlyInSubtopologyOne() {
        var subtopologies = new TrendingTopology(TrendingSettings.defaults())
                .build()
                .describe()
                .subtopologies();

        assertThat(subtopologies).hasSize(2);
        assertThat(subtopologies)
                .filteredOn(
                        sub -> sub.nodes().stream().anyMatch(node -> node.name().equals("rank")))
                .singleElement()
                .satisfies(ranking -> {
                    assertThat(ranking.id()).isEqualTo(1);
                    assertThat(ranking.nodes())
                            .filteredOn(node -> node instanceof TopologyDescription.Source)
                            .flatExtracting(node -> ((TopologyDescription.Source) node).topicSet())
                            .containsExactlyInAnyOrder(
                                    Topics.TRENDING_COUNTS.name(), TrendingTopology.RANKING_INPUTS + "-repartition");
                });
    }

    @Test
    void viewsAreKeyedByClientAddressElseBySession() {
        PageView withClient = PageView.newBuilder()
                .setArticleId("a")
                .setSessionId("s1")
                .setViewedAt(T0)
                .setClient("c0ffee")
                .build();
        PageView withoutClient = PageView.newBuilder(withClient).setClient(null).build();

        assertThat(TrendingTopology.pageViewKey(withClient)).isEqualTo("c0ffee");
        assertThat(TrendingTopology.pageViewKey(withoutClient)).isEqualTo("s1");
    }

    @Test
    void sessionCapCountsEachViewInItsOwnMinuteWhenViewsArriveOutOfOrder() {
        start(TrendingSettings.defaults().withTopN(200));
        for (int i = 0; i < 40; i++) {
            publish("now" + i, 1, "Kini " + i, POLITIK, T0);
            publish("then" + i, 1, "Tadi " + i, POLITIK, T0);
        }
        for (int i = 0; i < 30; i++) {
            view("now" + i, "crawler", T0.plus(Duration.ofMinutes(20)).plusMillis(i));
        }
        // Earlier views of the same session arrive late, within the grace: a cap of their own minute applies.
        for (int i = 0; i < 40; i++) {
            view("then" + i, "crawler", T0.plus(Duration.ofMinutes(17)).plusMillis(i));
        }

        int cap = TrendingSettings.defaults().sessionArticlesPerMinute();
        assertThat(total("1h")).isEqualTo(2L * cap);
        assertThat(views("1h", null))
                .filteredOn(t -> t.toList().get(0).toString().startsWith("then"))
                .hasSize(cap);
    }

    @Test
    void scriptInventingSessionsThatWalkTheSiteFromOneClientCannotLiftAnyArticleAboveOneGenuinelyRead() {
        start(TrendingSettings.defaults().withTopN(100));
        publish("genuine", 1, "Pemilu", POLITIK, T0);
        for (int i = 0; i < 50; i++) {
            publish("gamed" + i, 1, "Iklan " + i, POLITIK, T0);
        }
        // Each invented session views all 50 gamed articles: the client cap bounds each article, the session cap
        // each session.
        for (int s = 0; s < 200; s++) {
            for (int i = 0; i < 50; i++) {
                view("gamed" + i, "invented-" + s, "script", T0.plusMillis(s));
            }
        }
        for (int i = 0; i < 25; i++) {
            view("genuine", "reader-" + i, "reader-address-" + i, T0.plusSeconds(5));
        }

        List<Tuple> ranked = views("1h", null);
        assertThat(ranked.getFirst()).isEqualTo(tuple("genuine", 25L));
        int clientCap = TrendingSettings.defaults().clientSessionsPerMinute();
        int sessionCap = TrendingSettings.defaults().sessionArticlesPerMinute();
        assertThat(ranked.subList(1, ranked.size()))
                .allSatisfy(t -> assertThat((Long) t.toList().get(1)).isEqualTo((long) clientCap));
        // The first 20 sessions use up the client cap of every article, and of those only 30 articles a session count.
        assertThat(ranked).hasSize(1 + sessionCap);
        assertThat(total("1h")).isEqualTo(25L + (long) sessionCap * clientCap);
    }

    private void start(TrendingSettings settings) {
        this.settings = settings;
        Properties props = new Properties();
        props.putAll(TrendingStreamsConfig.recommended("trending-test", "unused:9092"));
        // Without the record cache every update reaches the rankings at once, which keeps the output deterministic.
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(
                new TrendingTopology(settings).withStoresInMemory().build(), props, T0);
        articles = driver.createInputTopic(
                Topics.ARTICLES.name(),
                Serdes.String().serializer(),
                TrendingSerdes.avro(ArticleEvent.class, SchemaRegistry.NONE).serializer());
        counts = driver.createInputTopic(
                Topics.TRENDING_COUNTS.name(),
                Serdes.String().serializer(),
                TrendingSerdes.avro(TrendingCounts.class, SchemaRegistry.NONE).serializer());
        counting = new PartitionCounts(settings);
        rankingInputs = driver.createInputTopic(
                "trending-test-" + TrendingTopology.RANKING_INPUTS + "-repartition",
                Serdes.String().serializer(),
                TrendingSerdes.RANKING_INPUT.serializer());
        trending = driver.createOutputTopic(
                Topics.TRENDING.name(),
                Serdes.String().deserializer(),
                TrendingSerdes.avro(TrendingRanking.class, SchemaRegistry.NONE).deserializer());
    }

    private void publish(String id, long revision, String title, String category, Instant at) {
        articles.pipeInput(
                id,
                event(
                        revision == 1 ? ArticleEventType.PUBLISHED : ArticleEventType.UPDATED,
                        id,
                        revision,
                        title,
                        category),
                at);
    }

    private void view(String articleId, String sessionId, Instant at) {
        view(articleId, sessionId, null, at);
    }

    private void view(String articleId, String sessionId, String client, Instant at) {
        PageView view = PageView.newBuilder()
                .setArticleId(articleId)
                .setSessionId(sessionId)
                .setViewedAt(at)
                .setClient(client)
                .build();
        // The counting rules of one partition, their increments handed on at once (as a commit after every view).
        counting.count(
                view.getArticleId(),
                view.getSessionId(),
                view.getClient(),
                view.getViewedAt().toEpochMilli());
        List<TrendingCount> increments = new ArrayList<>();
        long[] latest = {Long.MIN_VALUE};
        counting.drainTo((article, minute, views, viewedAt) -> {
            increments.add(new TrendingCount(article, minute, views));
            latest[0] = Math.max(latest[0], viewedAt);
        });
        if (!increments.isEmpty()) {
            counts.pipeInput(new TestRecord<>(
                    "0",
                    new TrendingCounts(increments),
                    new RecordHeaders().add(OwnCounts.COUNTED_BY, COUNTED_BY),
                    latest[0]));
        }
    }

    private void views(String articleId, int sessions, Instant at) {
        for (int i = 0; i < sessions; i++) {
            view(articleId, articleId + "-s" + i, at);
        }
    }

    private long total(String window) {
        return views(window, null).stream()
                .mapToLong(t -> (Long) t.toList().get(1))
                .sum();
    }

    private static ArticleEvent event(ArticleEventType type, String id, long revision, String title, String category) {
        Article article = Article.newBuilder()
                .setId(id)
                .setRevision(revision)
                .setSlug(id)
                .setUrl("https://kabar.id/" + id)
                .setTitle(title)
                .setBody(List.of("Isi."))
                .setCategory(category)
                .setAuthor("Redaksi")
                .setPublishedAt(T0.minus(Duration.ofHours(1)))
                .setUpdatedAt(T0)
                .build();
        return ArticleEvent.newBuilder()
                .setEventId(id + "-" + revision)
                .setEventType(type)
                .setOccurredAt(T0)
                .setArticle(article)
                .build();
    }

    /**
     * The latest ranking published under the key, as a reader of the compacted topic would see it, once the wall clock
     * has moved on by a rank interval.
     */
    private TrendingRanking ranking(String window, String category) {
        driver.advanceWallClockTime(settings.rankInterval());
        latest.putAll(trending.readKeyValuesToMap());
        RankingKey key = category == null ? RankingKey.overall(window) : RankingKey.of(window, category);
        return latest.get(key.asString());
    }

    private List<Tuple> views(String window, String category) {
        TrendingRanking ranking = ranking(window, category);
        return ranking == null
                ? List.of()
                : ranking.getArticles().stream()
                        .map(a -> tuple(a.getArticleId(), a.getViews()))
                        .toList();
    }
}
