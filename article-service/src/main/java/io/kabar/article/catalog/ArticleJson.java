package io.kabar.article.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** The JSON shape of an article in API answers; {@code body} joins the paragraphs with blank lines. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleJson(
        String id,
        long revision,
        String slug,
        String url,
        Article.Status status,
        String title,
        String summary,
        String body,
        List<String> paragraphs,
        String language,
        String category,
        List<String> tags,
        String author,
        String editor,
        String source,
        String imageUrl,
        Instant publishedAt,
        Instant updatedAt,
        boolean breaking,
        List<String> relatedPins,
        boolean excludeFromRelated,
        String storyPackage,
        String alertUrgency) {

    /** The full form of one article, its text included. */
    public static ArticleJson of(Article a) {
        return of(a, String.join("\n\n", a.paragraphs()), a.paragraphs());
    }

    /** The short form used in lists: everything but the text. */
    public static ArticleJson teaser(Article a) {
        return of(a, null, null);
    }

    private static ArticleJson of(Article a, String body, List<String> paragraphs) {
        return new ArticleJson(
                a.id(),
                a.revision(),
                a.slug(),
                a.url(),
                a.status(),
                a.title(),
                a.summary(),
                body,
                paragraphs,
                a.language(),
                a.category(),
                a.tags(),
                a.author(),
                a.editor(),
                a.source(),
                a.imageUrl(),
                a.publishedAt(),
                a.updatedAt(),
                a.breaking(),
                a.editorial().relatedPins(),
                a.editorial().excludeFromRelated(),
                a.editorial().storyPackage(),
                a.alertUrgency().json());
    }
}
