package io.kabar.article.publishing;

import io.kabar.article.catalog.Article;
import java.util.Optional;

/** What the owner of a partition knows when it decides a command: articles, slugs and completed requests. */
interface OwnerState {

    Optional<Article> article(String id);

    boolean slugTaken(String slug);

    Optional<CompletedRequest> completed(String idempotencyKey);
}
