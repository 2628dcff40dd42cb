package io.kabar.site.reader;

import io.kabar.site.SiteProperties;
import io.kabar.site.stories.Shelf;
import io.kabar.site.stories.Story;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** What publishers give machines: RSS 2.0 feeds, the Google News sitemap (last 48 hours) and robots.txt. */
@RestController
class FeedController {

    private static final int FEED_SIZE = 50;
    private static final Duration NEWS_SITEMAP_WINDOW = Duration.ofHours(48);
    /** Google News reads at most 1,000 URLs from one news sitemap. */
    private static final int NEWS_SITEMAP_MAX = 1000;

    private static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");
    private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

    private final Shelf shelf;
    private final SiteProperties site;
    private final Dates dates;
    private final Clock clock;

    FeedController(Shelf shelf, SiteProperties site, Dates dates, Clock clock) {
        this.shelf = shelf;
        this.site = site;
        this.dates = dates;
        this.clock = clock;
    }

    @GetMapping("/feed.xml")
    ResponseEntity<String> feed() {
        return rss(site.name(), site.base() + "/", s -> true);
    }

    @GetMapping("/kategori/{category}/feed.xml")
    ResponseEntity<String> categoryFeed(@PathVariable String category) {
        return rss(site.name() + ": " + category, site.base() + "/kategori/" + category, Shelf.inCategory(category));
    }

    @GetMapping("/sitemap-news.xml")
    ResponseEntity<String> newsSitemap() {
        Instant since = clock.instant().minus(NEWS_SITEMAP_WINDOW);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"")
                .append(" xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n");
        for (Story story : shelf.latest(s -> s.publishedAt().isAfter(since), 0, NEWS_SITEMAP_MAX)) {
            xml.append("<url><loc>")
                    .append(Xml.escape(story.url()))
                    .append("</loc><news:news><news:publication>")
                    .append("<news:name>")
                    .append(Xml.escape(site.name()))
                    .append("</news:name>")
                    .append("<news:language>")
                    .append(Xml.escape(story.language()))
                    .append("</news:language>")
                    .append("</news:publication><news:publication_date>")
                    .append(dates.iso(story.publishedAt()))
                    .append("</news:publication_date><news:title>")
                    .append(Xml.escape(story.title()))
                    .append("</news:title></news:news></url>\n");
        }
        return ResponseEntity.ok()
                .contentType(XML)
                .body(xml.append("</urlset>\n").toString());
    }

    @GetMapping(path = "/robots.txt", produces = MediaType.TEXT_PLAIN_VALUE)
    String robots() {
        return "User-agent: *\nDisallow: /newsroom\nSitemap: " + site.base() + "/sitemap-news.xml\n";
    }

    private ResponseEntity<String> rss(String title, String link, Predicate<Story> filter) {
        List<Story> stories = shelf.latest(filter, 0, FEED_SIZE);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<rss version=\"2.0\"><channel><title>")
                .append(Xml.escape(title))
                .append("</title>")
                .append("<link>")
                .append(Xml.escape(link))
                .append("</link>")
                .append("<description>")
                .append(Xml.escape("Berita terkini dari " + site.name()))
                .append("</description>")
                .append("<language>id</language>");
        if (!stories.isEmpty()) {
            xml.append("<lastBuildDate>")
                    .append(rfc1123(stories.getFirst().updatedAt()))
                    .append("</lastBuildDate>");
        }
        for (Story story : stories) {
            xml.append("\n<item><title>")
                    .append(Xml.escape(story.title()))
                    .append("</title>")
                    .append("<link>")
                    .append(Xml.escape(story.url()))
                    .append("</link>")
                    .append("<guid isPermaLink=\"false\">")
                    .append(Xml.escape(story.id()))
                    .append("</guid>")
                    .append("<pubDate>")
                    .append(rfc1123(story.publishedAt()))
                    .append("</pubDate>")
                    .append("<category>")
                    .append(Xml.escape(story.category()))
                    .append("</category>")
                    .append("<description>")
                    .append(Xml.escape(story.summary()))
                    .append("</description></item>");
        }
        return ResponseEntity.ok()
                .contentType(RSS)
                .body(xml.append("\n</channel></rss>\n").toString());
    }

    private static String rfc1123(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(Dates.WIB));
    }
}
