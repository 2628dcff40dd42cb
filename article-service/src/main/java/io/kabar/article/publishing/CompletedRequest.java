package io.kabar.article.publishing;

import io.kabar.article.catalog.Article;
import java.time.Instant;

/** A publish request that carried an Idempotency-Key, and the article it answered. */
record CompletedRequest(String key, String fingerprint, Article article, Instant at) {}
