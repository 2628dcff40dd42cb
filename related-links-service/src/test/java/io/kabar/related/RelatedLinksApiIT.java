package io.kabar.related;

import static io.kabar.schemas.ArticleEventType.PUBLISHED;
import static io.kabar.schemas.ArticleEventType.UNPUBLISHED;
import static io.kabar.schemas.ArticleEventType.UPDATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.RelatedLinks;
import io.kabar.testing.Http;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
class RelatedLinksApiIT {

    // Consumer groups take a few seconds to settle on a shared broker; nothing here waits for a fixed time.
    private static final Duration SETTLED = Duration.ofSeconds(60);
    private static final Instant MORNING = Instant.parse("2025-06-10T01:00:00Z");

    @LocalServerPort
    int port;

    Http http;
    // A made-up volcano name per test: the articles of one test are similar to each other and to nothing else.
    String volcano;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        volcano = "Gunung " + name();
    }

    @Test
    void publishesAListForANewArticleAndAddsANewerRelatedArticleToTheOlderList() {
        String older = id();
        String newer = id();
        TestTopics.publish(eruption(older, 1));
        await().atMost(SETTLED).until(() -> all(older).status().equals(HttpStatus.OK));

        TestTopics.publish(alert(newer, 1, "Status " + volcano + " Naik Menjadi Awas"));

        await().atMost(SETTLED).untilAsserted(() -> {
            Http.Answer list = all(older);
            assertThat(list.get("articleId")).isEqualTo(older);
            assertThat(list.get("computedAt")).isNotNull();
            // Other tests' articles are on the same broker and may be as similar, so only membership is asserted.
            assertThat(list.list("links"))
                    .filteredOn(link -> link.get("articleId").equals(newer))
                    .singleElement()
                    .satisfies(link -> assertThat(link)
                            .containsEntry("title", "Status " + volcano + " Naik Menjadi Awas")
                            .containsEntry("url", "https://kabar.example/" + newer)
                            .containsKey("score"));
            assertThat(all(newer).pluck("links", "articleId")).contains(older);
        });
        // The API may serve a list a moment before a read_committed reader of the topic sees its commit marker.
        await().atMost(SETTLED).untilAsserted(() -> {
            RelatedLinks onTopic = TestTopics.latestLists().get(older);
            assertThat(onTopic.getSourceRevision()).isEqualTo(1);
            assertThat(onTopic.getRanking())
                    .as("RelatedLinks v2 names the ranking")
                    .isEqualTo("lucene-like-query/3");
            assertThat(onTopic.getLinks()).extracting(l -> l.getArticleId()).contains(newer);
        });
    }

    @Test
    void showsTheEditedTitleOfALinkedArticleInTheOlderList() {
        String older = id();
        String linked = id();
        TestTopics.publish(eruption(older, 1), alert(linked, 1, "Status " + volcano + " Naik Menjadi Awas"));
        await().atMost(SETTLED)
                .until(() -> all(older).pluck("links", "articleId").contains(linked));

        TestTopics.publish(alert(linked, 2, "Status " + volcano + " Kembali Turun Menjadi Siaga"));

        await().atMost(SETTLED).untilAsserted(() -> {
            assertThat(all(older).list("links"))
                    .filteredOn(link -> link.get("articleId").equals(linked))
                    .singleElement()
                    .satisfies(link -> assertThat(link)
                            .containsEntry("title", "Status " + volcano + " Kembali Turun Menjadi Siaga"));
            assertThat(TestTopics.latestLists().get(linked).getSourceRevision()).isEqualTo(2);
        });
    }

    @Test
    void unpublishingAnArticleRemovesItFromOtherListsAndDeletesItsOwn() {
        String kept = id();
        String withdrawn = id();
        TestTopics.publish(eruption(kept, 1), alert(withdrawn, 1, "Status " + volcano + " Naik Menjadi Awas"));
        await().atMost(SETTLED)
                .until(() -> all(kept).pluck("links", "articleId").contains(withdrawn));

        TestTopics.publish(TestTopics.event(
                UNPUBLISHED,
                withdrawn,
                2,
                "Status " + volcano + " Naik Menjadi Awas",
                "Ditarik.",
                "Nasional",
                MORNING));

        await().atMost(SETTLED).untilAsserted(() -> {
            assertThat(all(kept).pluck("links", "articleId")).doesNotContain(withdrawn);
            Http.Answer gone = http.get(related(withdrawn));
            assertThat(gone.status()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(gone.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        });
        // The API answers from the read model, which may be ahead of what a read_committed reader of the topic sees.
        await().atMost(SETTLED).untilAsserted(() -> {
            Map<String, RelatedLinks> onTopic = TestTopics.latestLists();
            assertThat(onTopic).containsEntry(withdrawn, null);
            assertThat(onTopic.get(kept).getLinks())
                    .extracting(l -> l.getArticleId())
                    .doesNotContain(withdrawn);
        });
    }

    @Test
    void truncatesTheStoredListToTheRequestedLimit() {
        String first = id();
        List<String> others = List.of(id(), id(), id());
        TestTopics.publish(
                eruption(first, 1),
                alert(others.get(0), 1, "Status " + volcano + " Naik Menjadi Awas"),
                alert(others.get(1), 1, "Abu Vulkanik " + volcano + " Ganggu Penerbangan"),
                alert(others.get(2), 1, "Pengungsi " + volcano + " Butuh Air Bersih"));
        await().atMost(SETTLED)
                .until(() -> all(first).pluck("links", "articleId").containsAll(others));

        List<Object> stored = all(first).pluck("links", "articleId");
        assertThat(http.get(related(first) + "?limit=2").pluck("links", "articleId"))
                .isEqualTo(stored.subList(0, 2));
        assertThat(http.get(related(first)).pluck("links", "articleId"))
                .isEqualTo(stored.subList(0, Math.min(5, stored.size())));
    }

    @Test
    @SuppressWarnings("unchecked")
    void refusesALimitOutsideOneToTwenty() {
        for (String limit : List.of("0", "21", "banyak")) {
            Http.Answer refused = http.get(related(id()) + "?limit=" + limit);

            assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat((List<Map<String, Object>>) refused.get("errors"))
                    .as("limit=%s", limit)
                    .extracting(e -> e.get("field"))
                    .containsExactly("limit");
        }
    }

    @Test
    void answers404ProblemForAnUnknownArticle() {
        Http.Answer unknown = http.get(related(id()));

        assertThat(unknown.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) unknown.get("detail")).contains("No related links");
    }

    private ArticleEvent eruption(String id, long revision) {
        return TestTopics.event(
                revision == 1 ? PUBLISHED : UPDATED,
                id,
                revision,
                "Erupsi " + volcano + " Paksa Ribuan Warga Mengungsi",
                volcano + " kembali erupsi dan memuntahkan abu vulkanik setinggi dua kilometer. Ribuan warga di"
                        + " lereng " + volcano + " mengungsi ke balai desa.",
                "Nasional",
                MORNING);
    }

    private ArticleEvent alert(String id, long revision, String title) {
        return TestTopics.event(
                revision == 1 ? PUBLISHED : UPDATED,
                id,
                revision,
                title,
                "Badan Geologi menaikkan status " + volcano + " setelah erupsi. Warga diminta menjauhi radius tujuh"
                        + " kilometer dari puncak " + volcano + ".",
                "Nasional",
                MORNING.plusSeconds(3600));
    }

    /** The whole stored list (the largest limit); an empty answer while there is none. */
    private Http.Answer all(String id) {
        Http.Answer answer = http.get(related(id) + "?limit=20");
        return answer.status().equals(HttpStatus.OK)
                ? answer
                : new Http.Answer(answer.status(), answer.headers(), Map.of("links", List.of()));
    }

    private static String related(String id) {
        return "/api/articles/" + id + "/related";
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    /** A made-up proper name of letters only, unlike any real word, so it is the most distinctive term of a text. */
    static String name() {
        StringBuilder name = new StringBuilder("Zu");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return name.toString();
    }
}
