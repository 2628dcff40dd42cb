package io.kabar.trending.reading;

import io.kabar.platform.web.ApiProblem;
import io.kabar.trending.TrendingProperties;
import io.kabar.trending.ranking.RankingKey;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the rankings from this instance's copy of {@code news.trending}: every instance answers alike, and a ranking
 * that does not exist yet is an empty list, not an error, since any window or category may simply have no views.
 */
@RestController
class TrendingController {

    private final RankingBoard board;
    private final TrendingProperties properties;

    TrendingController(RankingBoard board, TrendingProperties properties) {
        this.board = board;
        this.properties = properties;
    }

    @GetMapping("/api/trending")
    Ranking trending(
            @RequestParam(required = false) String window,
            @RequestParam(required = false) String category,
            @RequestParam(defaultValue = "10") int limit) {
        String name = window == null ? properties.windows().get(0) : window;
        if (!properties.windows().contains(name) && !RankingKey.RISING.equals(name)) {
            throw ApiProblem.invalid(
                    "window", "must be one of " + String.join(", ", properties.windows()) + ", " + RankingKey.RISING);
        }
        if (limit < 1 || limit > properties.topN()) {
            throw ApiProblem.invalid("limit", "must be between 1 and " + properties.topN());
        }
        RankingKey key = category == null || category.isBlank()
                ? RankingKey.overall(name)
                : RankingKey.of(name, category.strip());
        return board.get(key)
                .orElseGet(() -> Ranking.empty(key.window(), key.category()))
                .limitedTo(limit);
    }
}
