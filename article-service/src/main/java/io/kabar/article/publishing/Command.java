package io.kabar.article.publishing;

import java.time.Instant;

/**
 * A newsroom request to change one article, as it travels to the instance that owns the article's partition.
 *
 * @param requestId        correlates the outcome with the waiting request
 * @param articleId        the article to change; for {@link Kind#PUBLISH} the id the new article gets
 * @param expectedRevision the revision an update or unpublish was based on (If-Match); 0 for a publish or takedown
 * @param draft            the new content; null for an unpublish or takedown
 * @param idempotencyKey   a publish's Idempotency-Key, or null
 * @param fingerprint      what identifies the request for that key, or null
 * @param deadline         past it the owner applies nothing: the requester has stopped waiting
 * @param reason           why a takedown is made, for the audit log; null otherwise
 */
record Command(
        String requestId,
        Kind kind,
        String articleId,
        long expectedRevision,
        ArticleDraft draft,
        String idempotencyKey,
        String fingerprint,
        Caller caller,
        Instant deadline,
        String reason) {

    /** What the newsroom asks for; mirrors the command types of the contract. */
    enum Kind {
        PUBLISH,
        UPDATE,
        UNPUBLISH,
        /** A legal takedown: removes the article, whatever its revision and state, from the log itself. */
        TAKE_DOWN
    }

    /**
     * What must be applied one at a time: the article for a change to it; for a new article the slug its title
     * gives, so that two articles with one title (and two retries of one request) meet at the same owner.
     */
    String partitionKey() {
        return kind == Kind.PUBLISH ? Slugs.of(draft.title()) : articleId;
    }
}
