package io.kabar.site.reader;

import io.kabar.site.SiteProperties;
import io.kabar.site.stories.Shelf;
import io.kabar.site.stories.Story;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The reader's pages: the front page, an article at its slug, and the category and tag lists. */
@Controller
class ReaderController {

    static final int PAGE_SIZE = 20;
    static final int SIDE_LIST = 5;

    /** One section of the front page: a category and its newest stories. */
    public record Section(String category, List<Story> stories) {}

    private final Shelf shelf;
    private final Teasers teasers;
    private final SiteProperties site;
    private final ArticlePages pages;

    ReaderController(Shelf shelf, Teasers teasers, SiteProperties site, ArticlePages pages) {
        this.shelf = shelf;
        this.teasers = teasers;
        this.site = site;
        this.pages = pages;
    }

    @GetMapping("/")
    ModelAndView front() {
        List<Section> sections = shelf.categories().stream()
                .map(c -> new Section(c, shelf.latest(Shelf.inCategory(c), 0, 4)))
                .toList();
        return new ModelAndView("front")
                .addObject(
                        "head",
                        Head.page(
                                site.name() + " - Berita terkini",
                                "Berita terkini dari " + site.name(),
                                site.base() + "/"))
                .addObject("latest", teasers.latest(10, null))
                .addObject("popularHour", teasers.ranking("1h", SIDE_LIST))
                .addObject("popularDay", teasers.ranking("24h", SIDE_LIST))
                .addObject("rising", teasers.ranking("rising", SIDE_LIST))
                .addObject("sections", sections);
    }

    @GetMapping("/{slug:[a-z0-9][a-z0-9-]*}")
    ModelAndView article(@PathVariable String slug) {
        Optional<Story> found = shelf.bySlug(slug);
        if (found.isEmpty()) {
            return notFound();
        }
        Story story = found.get();
        if (!story.published()) {
            return new ModelAndView("gone", HttpStatus.GONE)
                    .addObject("head", Head.page("Artikel telah ditarik - " + site.name(), "", story.url()))
                    .addObject("latest", teasers.latest(SIDE_LIST, null));
        }
        return new ModelAndView(pages.page(
                story,
                teasers.related(story, ReadAlso.MAX_LINKS),
                teasers.latest(SIDE_LIST, story),
                teasers.ranking("1h", SIDE_LIST)));
    }

    @GetMapping("/kategori/{category}")
    ModelAndView category(@PathVariable String category, @RequestParam(defaultValue = "1") int halaman) {
        return list("Kategori: " + category, "/kategori/" + category, Shelf.inCategory(category), halaman)
                .addObject("feed", "/kategori/" + category + "/feed.xml");
    }

    @GetMapping("/tag/{tag}")
    ModelAndView tag(@PathVariable String tag, @RequestParam(defaultValue = "1") int halaman) {
        return list("Tag: " + tag, "/tag/" + tag, Shelf.taggedWith(tag), halaman);
    }

    private ModelAndView list(String heading, String path, Predicate<Story> filter, int page) {
        int current = Math.max(1, page);
        List<Story> stories = shelf.latest(filter, (current - 1) * PAGE_SIZE, PAGE_SIZE + 1);
        if (stories.isEmpty() && current == 1) {
            return notFound();
        }
        boolean more = stories.size() > PAGE_SIZE;
        return new ModelAndView("list")
                .addObject("head", Head.page(heading + " - " + site.name(), heading, site.base() + path))
                .addObject("heading", heading)
                .addObject("path", path)
                .addObject("stories", more ? stories.subList(0, PAGE_SIZE) : stories)
                .addObject("page", current)
                .addObject("more", more)
                .addObject("popular", teasers.ranking("1h", SIDE_LIST));
    }

    private ModelAndView notFound() {
        return new ModelAndView("notfound", HttpStatus.NOT_FOUND)
                .addObject("head", Head.page("Halaman tidak ditemukan - " + site.name(), "", site.base() + "/"))
                .addObject("latest", teasers.latest(SIDE_LIST, null));
    }
}
