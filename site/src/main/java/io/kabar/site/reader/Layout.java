package io.kabar.site.reader;

import io.kabar.site.SiteProperties;
import io.kabar.site.stories.Shelf;
import java.util.List;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's frame needs: the site's name, the categories to navigate and the addresses its script talks to. */
@ControllerAdvice
class Layout {

    private final SiteProperties site;
    private final Shelf shelf;
    private final Paths paths;

    Layout(SiteProperties site, Shelf shelf, Paths paths) {
        this.site = site;
        this.shelf = shelf;
        this.paths = paths;
    }

    @ModelAttribute("categories")
    List<String> categories() {
        return shelf.categories();
    }

    @ModelAttribute("paths")
    Paths paths() {
        return paths;
    }

    @ModelAttribute("site")
    SiteProperties site() {
        return site;
    }
}
