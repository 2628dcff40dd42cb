package io.kabar.related.ranking;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A published article as the ranking engine sees it, independent of any wire format.
 *
 * @param id stable article id
 * @param revision monotonically increasing per id; older revisions are ignored on upsert
 * @param title headline
 * @param paragraphs body paragraphs in reading order
 * @param category desk or rubric, empty when unknown
 * @param tags editorial tags, compared case-insensitively
 * @param publishedAt first publication time
 * @param url canonical address, empty when unknown
 */
public record Story(
        String id,
        long revision,
        String title,
        List<String> paragraphs,
        String category,
        List<String> tags,
        Instant publishedAt,
        String url) {

    public Story {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(publishedAt, "publishedAt");
        paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
        tags = tags == null ? List.of() : List.copyOf(tags);
        category = category == null ? "" : category;
        url = url == null ? "" : url;
    }
}
