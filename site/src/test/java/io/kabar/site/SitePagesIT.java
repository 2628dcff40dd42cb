package io.kabar.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kabar.schemas.Article;
import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.ArticleEventType;
import io.kabar.schemas.topics.Topics;
import io.kabar.site.apis.Lists;
import io.kabar.testing.TestBroker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The site's pages on the shared broker: articles arrive on {@code news.articles} as article-service writes them; the
 * lists other services compute are a map the test fills. Escaping, publisher metadata, 404 and 410, feeds.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
class SitePagesIT {

    private static final Duration SETTLED = Duration.ofSeconds(60);
    private static final Map<String, List<String>> RELATED = new ConcurrentHashMap<>();
    private static final String HOSTILE = "<script>alert(1)</script> Gempa & \"Banjir\" </script>";

    @TestConfiguration
    static class FixedLists {
        @Bean
        @Primary
        Lists fixedLists() {
            return new Lists() {
                @Override
                public List<String> related(String articleId) {
                    return RELATED.getOrDefault(articleId, List.of());
                }

                @Override
                public List<String> ranking(String window, String category) {
                    return List.of();
                }
            };
        }
    }

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void anArticlePageEscapesEverythingFromTheArticleAndDescribesItselfToPublishers() throws Exception {
        Article other = article("Berita lain " + UUID.randomUUID(), 1);
        Article hostile = article(HOSTILE, 1);
        RELATED.put(hostile.getId(), List.of(other.getId()));
        publish(ArticleEventType.PUBLISHED, other, hostile);

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

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
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
