package io.kabar.article.publishing;

import io.kabar.article.catalog.Article;
import java.time.Instant;

/** One change the newsroom made to an article, and who made it (a token subject), as it goes into the log. */
record ArticleChange(Kind kind, Article article, Instant at, String changedBy) {

    /** What happened; mirrors the event types of the contract, but for a takedown. */
    enum Kind {
        PUBLISHED,
        UPDATED,
        UNPUBLISHED,
        /** Recorded as an {@code UNPUBLISHED} event of the stripped article, then a tombstone. */
        TAKEN_DOWN
    }
}
