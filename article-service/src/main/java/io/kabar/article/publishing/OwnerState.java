package io.kabar.article.publishing;

import io.kabar.article.catalog.Article;
import java.util.List;
import java.util.Optional;

/** What the owner of a partition knows when it decides a command: articles, slugs and completed requests. */
interface OwnerState {

    Optional<Article> article(String id);

    boolean slugTaken(String slug);

    Optional<CompletedRequest> completed(String idempotencyKey);

    /** The Idempotency-Keys of the completed requests that created the article (each holds its text). */
    List<String> requestsCreating(String articleId);
}
