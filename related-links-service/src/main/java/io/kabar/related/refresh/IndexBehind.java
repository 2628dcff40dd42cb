package io.kabar.related.refresh;

/** The local index has not yet read the revision a record is about; the error handler retries the record later. */
final class IndexBehind extends RuntimeException {

    IndexBehind(String articleId, long revision) {
        super("local index has not yet applied revision " + revision + " of article " + articleId);
    }
}
