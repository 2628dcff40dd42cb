package io.kabar.trending.ranking;

/**
 * A change to one ranking: an article's view count in one window, or, without an article, its removal from every
 * window of the ranking.
 *
 * @param windowStart the epoch millis start of the counting window; unused for a removal
 * @param article     the article's current state, or {@code null} to remove it
 */
record RankingUpdate(String articleId, long windowStart, long views, ArticleInfo article) {

    static RankingUpdate count(ArticleInfo article, long windowStart, long views) {
        return new RankingUpdate(article.id(), windowStart, views, article);
    }

    static RankingUpdate removal(String articleId) {
        return new RankingUpdate(articleId, 0, 0, null);
    }

    boolean isRemoval() {
        return article == null;
    }
}
