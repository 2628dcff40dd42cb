package io.kabar.trending.ranking;

import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.ArticleEventType;

/**
 * What the rankings need to know of one revision of an article.
 *
 * @param published   false once the article was unpublished; kept so that older revisions stay ignored
 * @param publishedAt epoch millis, for the hot score
 */
record ArticleInfo(
        String id, long revision, boolean published, String title, String url, String category, long publishedAt) {

    static ArticleInfo from(ArticleEvent event) {
        var article = event.getArticle();
        return new ArticleInfo(
                article.getId(),
                article.getRevision(),
                event.getEventType() != ArticleEventType.UNPUBLISHED,
                article.getTitle(),
                article.getUrl(),
                article.getCategory(),
                article.getPublishedAt().toEpochMilli());
    }
}
