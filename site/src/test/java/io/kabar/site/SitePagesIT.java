package io.kabar.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kabar.schemas.Article;
import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.ArticleEventType;
import io.kabar.schemas.RelatedLink;
import io.kabar.schemas.RelatedLinks;
import io.kabar.schemas.TrendingArticle;
import io.kabar.schemas.TrendingRanking;
import io.kabar.schemas.topics.Topics;
import io.kabar.testing.TestBroker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The site's pages on the shared broker: articles arrive on {@code news.articles} as article-service writes them, the
 * lists on {@code news.related-links} and {@code news.trending} as their services write them. Escaping, publisher
 * metadata, lists that follow their topics and the articles in them, 404 and 410, feeds.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
class SitePagesIT {

    private static final Duration SETTLED = Duration.ofSeconds(60);
    private static final String HOSTILE = "<script>alert(1)</script> Gempa & \"Banjir\" </script>";

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void anArticlePageEscapesEverythingFromTheArticleAndDescribesItselfToPublishers() throws Exception {
        Article other = article("Berita lain " + UUID.randomUUID(), 1);
        Article hostile = article(HOSTILE, 1);
        publish(ArticleEventType.PUBLISHED, other, hostile);
        relatedLinks(hostile, other);

        // The two may sit on different partitions: the page links the other only once the site has read it too.
        await().atMost(SETTLED).until(() -> get("/" + other.getSlug()).statusCode() == 200);
        HttpResponse<String> page = await().atMost(SETTLED)
                .until(
                        () -> get("/" + hostile.getSlug()),
                        r -> r.statusCode() == 200 && r.body().contains("href=\"/" + other.getSlug() + "\""));

        String html = page.body();
        assertThat(html)
                .doesNotContain("<script>alert(1)", "<img src=x")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html)
                .contains("<link rel=\"canonical\" href=\"" + hostile.getUrl() + "\">")
                .contains("property=\"og:title\"", "name=\"twitter:card\"", "\"@type\":\"NewsArticle\"")
                .contains("Kamis, 14 September 2023 12:06 WIB")
                .contains("Baca Juga:", "href=\"/" + other.getSlug() + "\"");
        String jsonLd = html.substring(
                html.indexOf("application/ld+json"), html.indexOf("</script>", html.indexOf("application/ld+json")));
        assertThat(jsonLd).contains("\\u003cscript\\u003e");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'"));
        assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThan(60 * 1024);
    }

    @Test
    void bacaJugaAndTerpopulerFollowTheirTopicsAndLeaveOutAWithdrawnStory() throws Exception {
        Article reading = article("Berita dibaca " + UUID.randomUUID(), 1);
        Article first = article("Berita pertama " + UUID.randomUUID(), 1);
        Article second = article("Berita kedua " + UUID.randomUUID(), 1);
        publish(ArticleEventType.PUBLISHED, reading, first, second);
        relatedLinks(reading, first);
        TestBroker.publish(Topics.TRENDING, r -> "1h|*", ranking(second, first));

        await().atMost(SETTLED)
                .untilAsserted(
                        () -> assertThat(readAlso(get("/" + reading.getSlug()).body()))
                                .contains(first.getTitle())
                                .doesNotContain(second.getTitle()));
        await().atMost(SETTLED)
                .untilAsserted(
                        () -> assertThat(popular(get("/" + reading.getSlug()).body()))
                                .containsSubsequence(second.getTitle(), first.getTitle()));

        relatedLinks(reading, second);
        publish(
                ArticleEventType.UNPUBLISHED,
                Article.newBuilder(first).setRevision(2).build());

        await().atMost(SETTLED).untilAsserted(() -> {
            String html = get("/" + reading.getSlug()).body();
            assertThat(readAlso(html)).contains(second.getTitle());
            assertThat(popular(html)).contains(second.getTitle());
            assertThat(html).doesNotContain(first.getTitle());
        });
    }

    @Test
    void aPageAlreadyServedShowsAnEditTheRenamedLinkAndANewerStoryOnTheNextRequest() throws Exception {
        Article linked = article("Berita tertaut " + UUID.randomUUID(), 1);
        Article reading = article("Berita sebelum diedit " + UUID.randomUUID(), 1);
        publish(ArticleEventType.PUBLISHED, linked, reading);
        relatedLinks(reading, linked);
        await().atMost(SETTLED)
                .untilAsserted(
                        () -> assertThat(readAlso(get("/" + reading.getSlug()).body()))
                                .contains(linked.getTitle()));

        Article edited = Article.newBuilder(reading)
                .setRevision(2)
                .setTitle("Berita sesudah diedit " + UUID.randomUUID())
                .setBody(IntStream.rangeClosed(1, 18)
                        .mapToObj(i -> "Paragraf baru " + i)
                        .toList())
                .build();
        Article renamed = Article.newBuilder(linked)
                .setRevision(2)
                .setTitle("Berita tertaut berganti judul " + UUID.randomUUID())
                .build();
        Article newest = Article.newBuilder(article("Berita terbaru " + UUID.randomUUID(), 1))
                .setPublishedAt(Instant.now())
                .build();
        publish(ArticleEventType.UPDATED, edited, renamed);
        publish(ArticleEventType.PUBLISHED, newest);

        await().atMost(SETTLED).untilAsserted(() -> {
            String html = get("/" + reading.getSlug()).body();
            assertThat(html)
                    .contains(edited.getTitle(), "Paragraf baru 18")
                    .doesNotContain(reading.getTitle(), "Paragraf 18 ");
            assertThat(readAlso(html)).contains(renamed.getTitle()).doesNotContain(linked.getTitle());
            assertThat(latest(html)).contains(newest.getTitle());
        });
    }

    @Test
    void aWithdrawnArticleAnswers410AndAnUnknownSlug404BothAsPages() throws Exception {
        Article withdrawn = article("Berita yang ditarik " + UUID.randomUUID(), 1);
        publish(ArticleEventType.PUBLISHED, withdrawn);
        await().atMost(SETTLED).until(() -> get("/" + withdrawn.getSlug()).statusCode() == 200);
        publish(
                ArticleEventType.UNPUBLISHED,
                Article.newBuilder(withdrawn).setRevision(2).build());

        HttpResponse<String> gone =
                await().atMost(SETTLED).until(() -> get("/" + withdrawn.getSlug()), r -> r.statusCode() == 410);
        assertThat(gone.body()).contains("Artikel telah ditarik").doesNotContain(withdrawn.getTitle());
        HttpResponse<String> unknown = get("/tidak-ada-berita-seperti-ini");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Halaman tidak ditemukan");
    }

    @Test
    void feedsAndTheNewsSitemapListArticlesWithEscapedTitles() throws Exception {
        Article fresh = Article.newBuilder(article(HOSTILE + " " + UUID.randomUUID(), 1))
                .setPublishedAt(Instant.now())
                .build();
        publish(ArticleEventType.PUBLISHED, fresh);

        await().atMost(SETTLED).untilAsserted(() -> {
            String feed = get("/feed.xml").body();
            assertThat(feed)
                    .startsWith("<?xml")
                    .contains("<rss version=\"2.0\">", "<link>" + fresh.getUrl() + "</link>");
            assertThat(feed).contains("&lt;script&gt;").doesNotContain("<script>");
            assertThat(get("/kategori/Internasional/feed.xml").body()).contains(fresh.getUrl());
            assertThat(get("/sitemap-news.xml").body())
                    .contains("<loc>" + fresh.getUrl() + "</loc>", "<news:publication_date>");
        });
        assertThat(get("/robots.txt").body()).contains("Sitemap: ", "/sitemap-news.xml", "Disallow: /newsroom");
    }

    @Test
    void theNewsroomAsksForATokenRefusesAnUnknownOneAndSendsTheSignedOutConsoleToSignIn() throws Exception {
        assertThat(get("/newsroom").body()).contains("action=\"/newsroom/masuk\"");

        HttpResponse<String> refused = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/newsroom/masuk"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("token=bukan-token"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();

        for (String console : List.of("/newsroom/tulis", "/newsroom/artikel/" + UUID.randomUUID())) {
            HttpResponse<String> signedOut = get(console);
            assertThat(signedOut.statusCode()).as(console).isEqualTo(302);
            assertThat(signedOut.headers().firstValue("Location").orElseThrow()).endsWith("/newsroom");
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The "Terpopuler" box of an article page. */
    private static String popular(String html) {
        int at = html.indexOf("id=\"populer\"");
        return html.substring(at, html.indexOf("</section>", at));
    }

    /** The "Terkini" box of an article page. */
    private static String latest(String html) {
        int at = html.indexOf("id=\"terkini\"");
        return html.substring(at, html.indexOf("</section>", at));
    }

    /** The "Baca Juga" links of a page. */
    private static String readAlso(String html) {
        StringBuilder links = new StringBuilder();
        for (int at = html.indexOf("read-also"); at >= 0; at = html.indexOf("read-also", at + 1)) {
            links.append(html, at, html.indexOf("</p>", at));
        }
        return links.toString();
    }

    /** related-links-service's list for {@code article}, as it writes it. */
    private static void relatedLinks(Article article, Article... links) {
        TestBroker.publish(
                Topics.RELATED_LINKS,
                RelatedLinks::getArticleId,
                RelatedLinks.newBuilder()
                        .setArticleId(article.getId())
                        .setComputedAt(Instant.now())
                        .setSourceRevision(article.getRevision())
                        .setLinks(Arrays.stream(links)
                                .map(a -> new RelatedLink(a.getId(), a.getTitle(), a.getUrl(), 1.0))
                                .toList())
                        .build());
    }

    /** trending-service's overall ranking of the last hour, most viewed first. */
    private static TrendingRanking ranking(Article... articles) {
        return TrendingRanking.newBuilder()
                .setWindow("1h")
                .setCategory(null)
                .setGeneratedAt(Instant.now())
                .setArticles(Arrays.stream(articles)
                        .map(a -> new TrendingArticle(a.getId(), a.getTitle(), a.getUrl(), a.getCategory(), 10L, 1.0))
                        .toList())
                .build();
    }

    private static void publish(ArticleEventType type, Article... articles) {
        for (Article article : articles) {
            TestBroker.publish(
                    Topics.ARTICLES,
                    e -> e.getArticle().getId(),
                    ArticleEvent.newBuilder()
                            .setEventId(UUID.randomUUID().toString())
                            .setEventType(type)
                            .setOccurredAt(Instant.now())
                            .setArticle(Article.newBuilder(article).build())
                            .setChangedBy("test")
                            .build());
        }
    }

    private static Article article(String title, long revision) {
        String id = UUID.randomUUID().toString();
        String slug = "berita-" + id;
        Instant at = Instant.parse("2023-09-14T05:06:00Z");
        return Article.newBuilder()
                .setId(id)
                .setRevision(revision)
                .setSlug(slug)
                .setUrl("http://127.0.0.1:8080/" + slug)
                .setTitle(title)
                .setSummary("Ringkasan <b>tebal</b>")
                .setBody(IntStream.rangeClosed(1, 18)
                        .mapToObj(i -> "Paragraf " + i + " <img src=x onerror=alert(1)>")
                        .toList())
                .setCategory("Internasional")
                .setTags(List.of("Rusia", "<b>tag</b>"))
                .setAuthor("Penulis")
                .setEditor("Editor")
                .setSource("Sumber")
                .setPublishedAt(at)
                .setUpdatedAt(at)
                .build();
    }
}
