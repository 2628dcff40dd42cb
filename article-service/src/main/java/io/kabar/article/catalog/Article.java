package io.kabar.article.catalog;

import java.time.Instant;
import java.util.List;

/** An article as the newsroom and readers see it, at one revision. */
public record Article(
        String id,
        long revision,
        String slug,
        String url,
        String title,
        String summary,
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
        Editorial editorial,
        Status status,
        AlertUrgency alertUrgency) {

    /** Whether readers may see the article. */
    public enum Status {
        PUBLISHED,
        UNPUBLISHED
    }

    public Article {
        paragraphs = List.copyOf(paragraphs);
        tags = List.copyOf(tags);
        editorial = editorial == null ? Editorial.NONE : editorial;
        alertUrgency = alertUrgency == null ? AlertUrgency.NORMAL : alertUrgency;
    }

    public boolean isPublished() {
        return status == Status.PUBLISHED;
    }

    /**
     * The article taken down: unpublished and stripped of everything it said (title, text, the slug and URL made from
     * the title, tags, people, links), keeping only its id, revision, language, category and times.
     */
    public Article takenDown(long nextRevision, Instant at) {
        return new Article(
                id,
                nextRevision,
                "",
                "",
                "",
                null,
                List.of(),
                language,
                category,
                List.of(),
                "",
                null,
                null,
                null,
                publishedAt,
                at,
                false,
                Editorial.NONE,
                Status.UNPUBLISHED,
                AlertUrgency.NORMAL);
    }

    /** Whether this is what a takedown left: every other article has a slug (see {@code Slugs}). */
    public boolean isTakenDown() {
        return slug.isEmpty();
    }

    public Article unpublished(long nextRevision, Instant at) {
        return new Article(
                id,
                nextRevision,
                slug,
                url,
                title,
                summary,
                paragraphs,
                language,
                category,
                tags,
                author,
                editor,
                source,
                imageUrl,
                publishedAt,
                at,
                breaking,
                editorial,
                Status.UNPUBLISHED,
                alertUrgency);
    }
}
