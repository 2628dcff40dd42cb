package io.kabar.trending.ranking;

/**
 * The store key of an article's views in one minute bucket: the bucket zero-padded, so that keys sort by minute, then
 * the article id.
 */
final class MinuteKey {

    private static final int BUCKET_DIGITS = 12;
    private static final String ZEROS = "0".repeat(BUCKET_DIGITS);

    private MinuteKey() {}

    static String of(long bucket, String articleId) {
        String digits = Long.toString(bucket);
        return ZEROS.substring(digits.length()) + digits + "|" + articleId;
    }

    static long bucketOf(String key) {
        return Long.parseLong(key.substring(0, BUCKET_DIGITS));
    }

    static String articleOf(String key) {
        return key.substring(BUCKET_DIGITS + 1);
    }
}
