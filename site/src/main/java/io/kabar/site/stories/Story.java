package io.kabar.site.stories;

import java.time.Instant;
import java.util.List;

/** An article as the site shows it, at one revision; {@code published} is false once the newsroom withdrew it. */
public record Story(
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
        boolean published) {

    public Story {
        paragraphs = List.copyOf(paragraphs);
        tags = List.copyOf(tags);
    }

    /** The story's address on this site. */
    public String path() {
        return "/" + slug;
    }
}
