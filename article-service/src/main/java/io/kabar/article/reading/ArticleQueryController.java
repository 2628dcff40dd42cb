package io.kabar.article.reading;

import io.kabar.article.ArticleServiceProperties;
import io.kabar.article.catalog.Article;
import io.kabar.article.catalog.ArticleCatalog;
import io.kabar.article.catalog.ArticleJson;
import io.kabar.article.catalog.Cursor;
import io.kabar.platform.web.ApiProblem;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves published articles from the catalog: one by id, and the "Terkini" list, newest first, paged by the
 * opaque {@code before} cursor (time and id, so that articles sharing a time are not skipped); unpublished articles answer 404 and leave every list.
 */
@RestController
@RequestMapping("/api/articles")
class ArticleQueryController {

    private final ArticleCatalog catalog;
    private final ArticleServiceProperties properties;

    ArticleQueryController(ArticleCatalog catalog, ArticleServiceProperties properties) {
        this.catalog = catalog;
        this.properties = properties;
    }

    /** A page of the list and the opaque cursor of the next one (absent on the last page). */
    record Page(List<ArticleJson> articles, String nextBefore) {}

    @GetMapping("/{id}")
    ResponseEntity<ArticleJson> get(@PathVariable String id) {
        Article article = catalog.findPublished(id)
                .orElseThrow(() -> ApiProblem.notFound("No published article has the id " + id + "."));
        return ResponseEntity.ok().eTag("\"" + article.revision() + "\"").body(ArticleJson.of(article));
    }

    @GetMapping
    Page latest(
            @RequestParam(required = false) @Size(max = 100) String category,
            @RequestParam(required = false) @Size(max = 60) String tag,
            @RequestParam(required = false) @Min(1) Integer limit,
            @RequestParam(required = false) @Size(max = 200) String before) {
        int size = limit == null ? properties.defaultLimit() : limit;
        if (size > properties.maxLimit()) {
            throw ApiProblem.invalid("limit", "must be at most " + properties.maxLimit());
        }
        Cursor cursor = before == null
                ? null
                : Cursor.parse(before)
                        .orElseThrow(() -> ApiProblem.invalid(
                                "before", "must be the nextBefore of an earlier page or an ISO-8601 instant"));
        List<Article> articles = catalog.latest(category, tag, cursor, size + 1);
        boolean more = articles.size() > size;
        List<Article> page = more ? articles.subList(0, size) : articles;
        return new Page(
                page.stream().map(ArticleJson::teaser).toList(),
                more ? Cursor.after(page.get(page.size() - 1)).token() : null);
    }
}
