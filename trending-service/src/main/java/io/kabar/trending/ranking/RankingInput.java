package io.kabar.trending.ranking;

/** What reaches the ranking stage: the views of one article in one minute bucket, or a change of an article. */
sealed interface RankingInput {

    /** The article the input is about; also the record key. */
    String articleId();

    /**
     * The full count of one bucket (not an increment), so that a repeated or coalesced update leaves the same state.
     *
     * @param bucket the minute, see {@link Buckets}
     */
    record BucketCount(String articleId, long bucket, long views) implements RankingInput {}

    /** @param article the article's revision, or {@code null} for a tombstone */
    record ArticleChange(String articleId, ArticleInfo article) implements RankingInput {}
}
