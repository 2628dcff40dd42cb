package io.kabar.site.reader;

import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * The site's own addresses for a category and a tag, with the name encoded as a path segment. Templates read it as
 * the model's {@code paths} instead of writing {@code @{…}} links, which need a web request: cached article pages are
 * rendered without one (and Thymeleaf forbids bean references in {@code th:href}).
 */
@Component
public class Paths {

    public String category(String category) {
        return "/kategori/" + UriUtils.encodePathSegment(category, StandardCharsets.UTF_8);
    }

    public String tag(String tag) {
        return "/tag/" + UriUtils.encodePathSegment(tag, StandardCharsets.UTF_8);
    }
}
