package io.kabar.article.publishing;

import java.util.Optional;

/** Where changes are recorded for good; the publisher's only side effect, so that tests can pass a lambda. */
@FunctionalInterface
interface ArticleEventLog {

    /**
     * Records the change, and the completed request when there is one, atomically; returns once the log has
     * acknowledged both, or throws {@link Unavailable} having recorded neither.
     */
    void append(ArticleChange change, Optional<CompletedRequest> request);

    /** The log could not take the change in time. */
    class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
