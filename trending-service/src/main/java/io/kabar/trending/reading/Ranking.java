package io.kabar.trending.reading;

import io.kabar.schemas.TrendingRanking;
import java.time.Instant;
import java.util.List;

/**
 * One ranking as the API shows it, converted from its Avro record as it arrives so that readers never touch Avro.
 *
 * @param category    null for the ranking over all categories
 * @param generatedAt the stream time at which the ranking last changed; null while there is none yet
 */
record Ranking(String window, String category, Instant generatedAt, List<Entry> articles) {

    /** One ranked article; {@code score} is the time-decayed hot score (see README). */
    record Entry(String articleId, String title, String url, String category, long views, double score) {}

    static Ranking empty(String window, String category) {
        return new Ranking(window, category, null, List.of());
    }

    static Ranking from(TrendingRanking avro) {
        return new Ranking(
                avro.getWindow(),
                avro.getCategory(),
                avro.getGeneratedAt(),
                avro.getArticles().stream()
                        .map(a -> new Entry(
                                a.getArticleId(),
                                a.getTitle(),
                                a.getUrl(),
                                a.getCategory(),
                                a.getViews(),
                                a.getScore()))
                        .toList());
    }

    Ranking limitedTo(int limit) {
        return articles.size() <= limit ? this : new Ranking(window, category, generatedAt, articles.subList(0, limit));
    }
}
