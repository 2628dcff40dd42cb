package io.kabar.article.publishing;

import io.kabar.article.catalog.Article;

/**
 * What became of a command, as its owner decided it.
 *
 * @param article         the article after the change (APPLIED) or as first answered (REPLAYED), else null
 * @param currentRevision the article's revision when the command was stale, else 0
 */
record Outcome(String requestId, Result result, Article article, long currentRevision) {

    /** Mirrors the results of the contract. */
    enum Result {
        APPLIED,
        REPLAYED,
        NOT_FOUND,
        STALE_REVISION,
        KEY_REUSED,
        BREAKING_NOT_ALLOWED,
        EXPIRED
    }

    static Outcome of(Command command, Result result) {
        return new Outcome(command.requestId(), result, null, 0);
    }
}
