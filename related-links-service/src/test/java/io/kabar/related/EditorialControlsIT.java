package io.kabar.related;

import static io.kabar.schemas.ArticleEventType.PUBLISHED;
import static io.kabar.schemas.ArticleEventType.UNPUBLISHED;
import static io.kabar.schemas.ArticleEventType.UPDATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kabar.schemas.ArticleEvent;
import io.kabar.testing.Http;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
class EditorialControlsIT {

    private static final Duration SETTLED = Duration.ofSeconds(60);
    private static final Instant MORNING = Instant.parse("2025-06-10T01:00:00Z");

    @LocalServerPort
    int port;

    Http http;
    String volcano;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        volcano = "Gunung " + RelatedLinksApiIT.name();
    }

    @Test
    void showsPinnedArticlesFirstInTheirOrderAndDropsOneThatIsUnpublished() {
        String source = RelatedLinksApiIT.id();
        String similar = RelatedLinksApiIT.id();
        String firstPin = RelatedLinksApiIT.id();
        String secondPin = RelatedLinksApiIT.id();
        TestTopics.publish(
                unrelated(firstPin, 1, "Harga Beras " + RelatedLinksApiIT.name() + " Naik"),
                unrelated(secondPin, 1, "Timnas " + RelatedLinksApiIT.name() + " Menang"),
                story(similar, 1, "Status " + volcano + " Naik Menjadi Awas", MORNING));
        TestTopics.publish(TestTopics.editorial(
                story(source, 1, "Erupsi " + volcano + " Paksa Warga Mengungsi", MORNING.plusSeconds(60)),
                List.of(secondPin, firstPin),
                false,
                null));

        await().atMost(SETTLED)
                .untilAsserted(() -> assertThat(links(source))
                        .startsWith(secondPin, firstPin)
                        .contains(similar));

        TestTopics.publish(TestTopics.event(UNPUBLISHED, secondPin, 2, "Ditarik", "Ditarik.", "Olahraga", MORNING));

        await().atMost(SETTLED)
                .untilAsserted(() -> assertThat(links(source))
                        .startsWith(firstPin)
                        .doesNotContain(secondPin)
                        .contains(similar));
    }

    @Test
    void neverShowsAnExcludedArticleInAnotherListUntilTheExclusionIsLifted() {
        String source = RelatedLinksApiIT.id();
        String similar = RelatedLinksApiIT.id();
        String excluded = RelatedLinksApiIT.id();
        String title = "Status " + volcano + " Naik Menjadi Awas";
        TestTopics.publish(
                story(source, 1, "Erupsi " + volcano + " Paksa Warga Mengungsi", MORNING),
                TestTopics.editorial(story(excluded, 1, title, MORNING.plusSeconds(60)), List.of(), true, null),
                story(similar, 1, "Abu Vulkanik " + volcano + " Ganggu Penerbangan", MORNING.plusSeconds(120)));

        await().atMost(SETTLED).untilAsserted(() -> {
            assertThat(links(source)).contains(similar).doesNotContain(excluded);
            assertThat(links(similar)).contains(source).doesNotContain(excluded);
            assertThat(links(excluded))
                    .as("an excluded article keeps its own list")
                    .contains(source, similar);
        });

        TestTopics.publish(story(excluded, 2, title, MORNING.plusSeconds(60)));

        await().atMost(SETTLED).untilAsserted(() -> assertThat(links(source)).contains(similar, excluded));
    }

    @Test
    void linksEveryStoryPackageMemberToTheNewestOtherMembersFirst() {
        String oldest = RelatedLinksApiIT.id();
        String middle = RelatedLinksApiIT.id();
        String newest = RelatedLinksApiIT.id();
        String series = "seri-" + RelatedLinksApiIT.name().toLowerCase();
        TestTopics.publish(
                TestTopics.editorial(
                        story(oldest, 1, "Erupsi " + volcano + " Paksa Warga Mengungsi", MORNING),
                        List.of(),
                        false,
                        series),
                TestTopics.editorial(
                        TestTopics.event(
                                PUBLISHED,
                                middle,
                                1,
                                "Bantuan Logistik " + RelatedLinksApiIT.name() + " Tiba",
                                "Bantuan logistik tiba di posko.",
                                "Nasional",
                                MORNING.plusSeconds(3600)),
                        List.of(),
                        false,
                        series));
        await().atMost(SETTLED).untilAsserted(() -> assertThat(links(oldest)).startsWith(middle));

        TestTopics.publish(TestTopics.editorial(
                TestTopics.event(
                        PUBLISHED,
                        newest,
                        1,
                        "Sekolah " + RelatedLinksApiIT.name() + " Dibuka Lagi",
                        "Sekolah kembali dibuka.",
                        "Pendidikan",
                        MORNING.plusSeconds(7200)),
                List.of(),
                false,
                series));

        await().atMost(SETTLED).untilAsserted(() -> {
            assertThat(links(oldest)).startsWith(newest, middle);
            assertThat(links(middle)).startsWith(newest, oldest);
            assertThat(links(newest)).startsWith(middle, oldest);
        });
    }

    private ArticleEvent story(String id, long revision, String title, Instant publishedAt) {
        return TestTopics.event(
                revision == 1 ? PUBLISHED : UPDATED,
                id,
                revision,
                title,
                volcano + " kembali erupsi dan memuntahkan abu vulkanik. Ribuan warga di lereng " + volcano
                        + " mengungsi ke balai desa.",
                "Nasional",
                publishedAt);
    }

    private static ArticleEvent unrelated(String id, long revision, String title) {
        return TestTopics.event(
                PUBLISHED,
                id,
                revision,
                title,
                title + " menurut laporan terbaru.",
                "Ekonomi",
                MORNING.minusSeconds(3600));
    }

    private List<Object> links(String id) {
        Http.Answer answer = http.get("/api/articles/" + id + "/related?limit=20");
        return answer.status().equals(HttpStatus.OK) ? answer.pluck("links", "articleId") : List.of();
    }
}
