package io.kabar.site.reader;

import io.kabar.site.SiteProperties;
import io.kabar.site.stories.Story;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Renders a sample article page (the seed page's 18 paragraphs, five "Baca Juga" links, both sidebars) a few hundred
 * times before the site reports ready: the templates are parsed, their expressions compiled and the rendering code
 * compiled by the JIT before the first reader waits for a page that is not cached yet.
 */
@Component
class WarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

    private final ArticlePages pages;
    private final int renders;

    WarmUp(ArticlePages pages, SiteProperties site) {
        this.pages = pages;
        this.renders = site.warmUpRenders();
    }

    @Override
    public void run(ApplicationArguments args) {
        long start = System.nanoTime();
        List<Story> others = IntStream.rangeClosed(1, ReadAlso.MAX_LINKS)
                .mapToObj(i -> sample("contoh-lain-" + i, 1))
                .toList();
        Story story = sample("contoh", 18);
        for (int i = 0; i < renders; i++) {
            pages.render(story, others, List.of("Internasional", "Nasional"));
            pages.render(others);
        }
        log.info("Rendered a sample article page {} times in {} ms", renders, (System.nanoTime() - start) / 1_000_000);
    }

    private static Story sample(String slug, int paragraphs) {
        Instant at = Instant.parse("2023-09-14T05:06:00Z");
        return new Story(
                slug,
                1,
                slug,
                "http://localhost/" + slug,
                "Contoh judul berita & <tanda>",
                "Contoh ringkasan",
                IntStream.rangeClosed(1, paragraphs)
                        .mapToObj(i -> "Paragraf contoh " + i + " dengan beberapa kalimat. ".repeat(5))
                        .toList(),
                "id",
                "Internasional",
                List.of("Contoh", "Berita"),
                "Penulis",
                "Editor",
                "Sumber",
                null,
                at,
                at,
                false,
                true);
    }
}
