package io.kabar.site.reader;

import io.kabar.site.SiteProperties;
import io.kabar.site.stories.Story;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The JSON-LD {@code NewsArticle} of an article page, as search engines read it. */
final class StructuredData {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StructuredData() {}

    static String newsArticle(Story story, SiteProperties site, Dates dates) {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("@context", "https://schema.org");
        article.put("@type", "NewsArticle");
        article.put("mainEntityOfPage", story.url());
        article.put("headline", story.title());
        article.put("description", story.summary());
        article.put("datePublished", dates.iso(story.publishedAt()));
        article.put("dateModified", dates.iso(story.updatedAt()));
        article.put("inLanguage", story.language());
        article.put("articleSection", story.category());
        article.put("keywords", story.tags());
        article.put("author", List.of(Map.of("@type", "Person", "name", story.author())));
        if (story.editor() != null) {
            article.put("editor", Map.of("@type", "Person", "name", story.editor()));
        }
        if (story.imageUrl() != null) {
            article.put("image", List.of(story.imageUrl()));
        }
        article.put("publisher", Map.of("@type", "NewsMediaOrganization", "name", site.name(), "url", site.base()));
        return scriptSafe(JSON.writeValueAsString(article));
    }

    /** JSON inside {@code <script>}: no {@code </script>}, comment or entity can end or change the element. */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
