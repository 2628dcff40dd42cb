package io.kabar.trending.ranking;

/** What reaches the ranking stage: the views of one article in one minute bucket, or a change of an article. */
sealed interface RankingInput {

    /** The article the input is about; also the record key. */
    String articleId();

    /**
     * Views added to one bucket: an increment, which exactly-once delivers once (the counting's transaction hands
     * it on with the offsets of the views it counts).
     *
     * @param bucket the minute, see {@link Buckets}
     */
    record BucketViews(String articleId, long bucket, long views) implements RankingInput {}

    /** @param article the article's revision, or {@code null} for a tombstone */
    record ArticleChange(String articleId, ArticleInfo article) implements RankingInput {}
}
