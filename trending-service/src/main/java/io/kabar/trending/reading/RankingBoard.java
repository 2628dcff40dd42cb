package io.kabar.trending.reading;

import io.kabar.schemas.TrendingRanking;
import io.kabar.trending.ranking.RankingKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The latest ranking of every key of {@code news.trending}, as this instance's mirror of the topic has read it. */
final class RankingBoard {

    private final Map<RankingKey, Ranking> rankings = new ConcurrentHashMap<>();

    void apply(String key, TrendingRanking ranking) {
        RankingKey parsed = RankingKey.parse(key);
        if (ranking == null) {
            rankings.remove(parsed);
        } else {
            rankings.put(parsed, Ranking.from(ranking));
        }
    }

    Optional<Ranking> get(RankingKey key) {
        return Optional.ofNullable(rankings.get(key));
    }

    int size() {
        return rankings.size();
    }
}
