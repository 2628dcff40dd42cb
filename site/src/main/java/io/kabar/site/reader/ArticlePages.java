package io.kabar.site.reader;

import io.kabar.site.SiteProperties;
import io.kabar.site.stories.Shelf;
import io.kabar.site.stories.Story;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * Serves article pages from HTML rendered once per change of what they show: the page without its sidebars per
 * revision of the article, of its "Baca Juga" stories and of the categories, and each sidebar ("Terkini",
 * "Terpopuler") per version of its list, so a reader's request only looks its inputs up and writes cached bytes.
 * A new revision of any story on the shelf is a new {@link Story} instance, so inputs are compared by identity.
 */
@Component
class ArticlePages {

    /** Where the sidebars go in a rendered frame; article text cannot produce a comment (it is escaped). */
    private static final String LATEST_SLOT = "<!--terkini-->";

    private static final String POPULAR_SLOT = "<!--terpopuler-->";
    private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");
    /** Room for every distinct sidebar list in use; a handful at any time. */
    private static final long TEASER_BYTES = 1 << 20;

    private final ITemplateEngine engine;
    private final ApplicationContext application;
    private final Shelf shelf;
    private final SiteProperties site;
    private final Dates dates;
    private final Paths paths;
    private final BoundedCache<String, Frame> frames;
    private final BoundedCache<Stories, byte[]> teasers = new BoundedCache<>(TEASER_BYTES, html -> html.length);

    ArticlePages(
            ITemplateEngine engine,
            ApplicationContext application,
            Shelf shelf,
            SiteProperties site,
            Dates dates,
            Paths paths) {
        this.engine = engine;
        this.application = application;
        this.shelf = shelf;
        this.site = site;
        this.dates = dates;
        this.paths = paths;
        this.frames = new BoundedCache<>(site.pageCache().toBytes(), Frame::weight);
    }

    /** The page of a published story with its "Baca Juga", "Terkini" and "Terpopuler" stories. */
    View page(Story story, List<Story> related, List<Story> latest, List<Story> popular) {
        List<String> categories = shelf.categories();
        Frame frame = frames.get(story.id());
        if (frame == null || !frame.shows(story, related, categories)) {
            frame = new Frame(story, related, categories, split(render(story, related, categories)));
            frames.put(story.id(), frame);
        }
        return new Page(frame.parts()[0], teasers(latest), frame.parts()[1], teasers(popular), frame.parts()[2]);
    }

    /** The whole frame as HTML, its sidebars left as slots; not cached (the warm-up renders through here). */
    String render(Story story, List<Story> related, List<String> categories) {
        Head head = new Head(
                story.title(),
                story.summary(),
                story.url(),
                "article",
                story.imageUrl(),
                StructuredData.newsArticle(story, site, dates),
                story);
        Map<String, Object> model = model();
        model.put("head", head);
        model.put("story", story);
        model.put("blocks", ReadAlso.interleave(story.paragraphs(), related));
        model.put("latest", LATEST_SLOT);
        model.put("popular", POPULAR_SLOT);
        model.put("categories", categories);
        return engine.process("article", new Context(INDONESIAN, model));
    }

    /** A sidebar list as HTML; not cached. */
    String render(List<Story> stories) {
        Map<String, Object> model = model();
        model.put("stories", stories);
        return engine.process("fragments", Set.of("teasers"), new Context(INDONESIAN, model));
    }

    private byte[] teasers(List<Story> stories) {
        Stories key = new Stories(stories);
        byte[] html = teasers.get(key);
        if (html == null) {
            html = render(stories).getBytes(StandardCharsets.UTF_8);
            teasers.put(key, html);
        }
        return html;
    }

    private Map<String, Object> model() {
        Map<String, Object> model = new HashMap<>();
        model.put("site", site);
        model.put("paths", paths);
        // What lets templates call beans (@dates) outside a web request, as Spring's Thymeleaf views do.
        model.put(
                ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(application, null));
        return model;
    }

    private static byte[][] split(String html) {
        int latest = html.indexOf(LATEST_SLOT);
        int popular = html.indexOf(POPULAR_SLOT, latest);
        return new byte[][] {
            html.substring(0, latest).getBytes(StandardCharsets.UTF_8),
            html.substring(latest + LATEST_SLOT.length(), popular).getBytes(StandardCharsets.UTF_8),
            html.substring(popular + POPULAR_SLOT.length()).getBytes(StandardCharsets.UTF_8)
        };
    }

    /** A story's page without its sidebars, and the inputs it was rendered from. */
    private record Frame(Story story, List<Story> related, List<String> categories, byte[][] parts) {

        boolean shows(Story story, List<Story> related, List<String> categories) {
            return this.story == story && Stories.same(this.related, related) && this.categories.equals(categories);
        }

        long weight() {
            return parts[0].length + parts[1].length + parts[2].length;
        }
    }

    /** A list of stories, equal to another holding the same instances in the same order. */
    private record Stories(List<Story> list) {

        static boolean same(List<Story> a, List<Story> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i) != b.get(i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Stories that && same(list, that.list);
        }

        @Override
        public int hashCode() {
            int hash = 1;
            for (Story story : list) {
                hash = 31 * hash + System.identityHashCode(story);
            }
            return hash;
        }
    }

    /** A page put together from rendered parts, written as they are. */
    private record Page(byte[]... parts) implements View {

        @Override
        public String getContentType() {
            return "text/html;charset=UTF-8";
        }

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            int length = 0;
            for (byte[] part : parts) {
                length += part.length;
            }
            response.setContentType(getContentType());
            response.setContentLength(length);
            OutputStream out = response.getOutputStream();
            for (byte[] part : parts) {
                out.write(part);
            }
        }
    }
}
