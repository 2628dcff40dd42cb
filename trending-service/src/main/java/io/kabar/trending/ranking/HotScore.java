package io.kabar.trending.ranking;

/**
 * The time-decayed "hot" score of a ranked article: {@code views / (ageHours + 2)^1.5}, where {@code ageHours} is the
 * time from publication to the ranking; a fresh story with fewer views can outscore an old one.
 */
final class HotScore {

    /** Keeps brand-new articles from dividing by almost nothing. */
    private static final double AGE_OFFSET_HOURS = 2;
    /** Lower than Hacker News' 1.8 because news stays relevant for about a day. */
    private static final double GRAVITY = 1.5;

    private static final double MILLIS_PER_HOUR = 3_600_000d;

    private HotScore() {}

    static double of(long views, long publishedAt, long now) {
        double ageHours = Math.max(0, now - publishedAt) / MILLIS_PER_HOUR;
        return views / Math.pow(ageHours + AGE_OFFSET_HOURS, GRAVITY);
    }
}
