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
        alertUrgency = alertUrgency == null ? AlertUrgency.NORMAL : alertUrgency;
    }

    /** An article whose alert, if any, is of normal urgency. */
    public Article(
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
            Status status) {
        this(
                id,
                revision,
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
                updatedAt,
                breaking,
                status,
                AlertUrgency.NORMAL);
    }

    public boolean isPublished() {
        return status == Status.PUBLISHED;
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
                Status.UNPUBLISHED,
                alertUrgency);
    }
}
