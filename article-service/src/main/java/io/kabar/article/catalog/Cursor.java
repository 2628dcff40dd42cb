package io.kabar.article.catalog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A place in the "Terkini" order (newest first, the id breaking ties): the last article of a page, so that the next
 * page starts right after it even when several articles share its publication time. Clients see it as an opaque
 * token; an ISO-8601 instant is taken too, as "strictly older than this time".
 *
 * @param publishedAt the publication time of the last article seen
 * @param id          its id; null for a time-only cursor
 */
public record Cursor(Instant publishedAt, String id) {

    /** Sorts after every id, so that a time-only cursor skips everything published at that very time. */
    private static final String AFTER_EVERY_ID = "\uffff";

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    public static Cursor after(Article article) {
        return new Cursor(article.publishedAt(), article.id());
    }

    /** The opaque token clients pass back. */
    public String token() {
        return ENCODER.encodeToString((publishedAt.toEpochMilli() + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** A token from {@link #token()}, or an ISO-8601 instant; empty if it is neither. */
    public static Optional<Cursor> parse(String text) {
        try {
            return Optional.of(new Cursor(Instant.parse(text), null));
        } catch (RuntimeException notAnInstant) {
            // Not a time: a token then.
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 1 || colon == decoded.length() - 1) {
                return Optional.empty();
            }
            Instant time = Instant.ofEpochMilli(Long.parseLong(decoded.substring(0, colon)));
            return Optional.of(new Cursor(time, decoded.substring(colon + 1)));
        } catch (RuntimeException notAToken) {
            return Optional.empty();
        }
    }

    /** A stand-in article at this place in the order, to split the ordered set there. */
    Article probe() {
        return new Article(
                id == null ? AFTER_EVERY_ID : id,
                0,
                "",
                "",
                "",
                null,
                List.of(),
                "",
                "",
                List.of(),
                "",
                null,
                null,
                null,
                publishedAt,
                publishedAt,
                false,
                Editorial.NONE,
                Article.Status.PUBLISHED,
                AlertUrgency.NORMAL);
    }
}
