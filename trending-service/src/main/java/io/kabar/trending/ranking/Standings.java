package io.kabar.trending.ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes every ranking from the tallies at one moment: per "most read" window and for "rising", the overall top N
 * and the top N of each category, over the published articles with views.
 *
 * <p>It ranks all articles with views in the longest span in one sort per window; the cost follows the number of
 * articles read in the last day, not the number of views, and it runs once per rank interval at most.
 */
final class Standings {

    /** Ties go to the lower id so that every replica and replay ranks alike. */
    private static final Comparator<Entry> FIRST_PLACE_FIRST = Comparator.comparingDouble(Entry::rank)
            .reversed()
            .thenComparing(Comparator.comparingLong(Entry::views).reversed())
            .thenComparing(e -> e.article().id());

    private record Entry(ArticleInfo article, long views, double score, double rank) {}

    private final TrendingSettings settings;

    Standings(TrendingSettings settings) {
        this.settings = settings;
    }

    /** The span indexes {@link ViewTallies} must be built with: one per window, then rising's recent and baseline. */
    static int[] spans(TrendingSettings settings) {
        int windows = settings.windows().size();
        int[] spans = new int[windows + 2];
        for (int i = 0; i < windows; i++) {
            spans[i] = settings.windows().get(i).buckets();
        }
        spans[windows] = Buckets.count(settings.rising().recent());
        spans[windows + 1] = Buckets.count(settings.rising().baseline());
        return spans;
    }

    /** Every non-empty ranking, by topic key. */
    Map<String, Leaderboard> compute(ViewTallies tallies, Map<String, ArticleInfo> articles, long now) {
        Map<String, Leaderboard> result = new HashMap<>();
        for (int i = 0; i < settings.windows().size(); i++) {
            List<Entry> entries = new ArrayList<>();
            for (String id : tallies.articles()) {
                long views = tallies.sum(id, i);
                ArticleInfo article = articles.get(id);
                if (views > 0 && article != null && article.published()) {
                    entries.add(new Entry(article, views, HotScore.of(views, article.publishedAt(), now), views));
                }
            }
            collect(settings.windows().get(i).name(), entries, result);
        }
        collect(RankingKey.RISING, rising(tallies, articles), result);
        return result;
    }

    /**
     * score = R / (E + minViews), R the views in the recent span, E the views the article's rate over the rest of the
     * baseline predicts for a span as long; minViews both damps small numbers and is the least R that can rise.
     */
    private List<Entry> rising(ViewTallies tallies, Map<String, ArticleInfo> articles) {
        int recentSpan = settings.windows().size();
        TrendingSettings.Rising rising = settings.rising();
        double recentBuckets = Buckets.count(rising.recent());
        double earlierBuckets = Buckets.count(rising.baseline()) - recentBuckets;
        List<Entry> entries = new ArrayList<>();
        for (String id : tallies.articles()) {
            long recent = tallies.sum(id, recentSpan);
            ArticleInfo article = articles.get(id);
            if (recent >= rising.minViews() && article != null && article.published()) {
                long earlier = tallies.sum(id, recentSpan + 1) - recent;
                double expected = earlier * recentBuckets / earlierBuckets;
                double score = recent / (expected + rising.minViews());
                entries.add(new Entry(article, recent, score, score));
            }
        }
        return entries;
    }

    private void collect(String window, List<Entry> entries, Map<String, Leaderboard> result) {
        entries.sort(FIRST_PLACE_FIRST);
        Map<String, List<Leaderboard.Entry>> boards = new HashMap<>();
        String overall = RankingKey.overall(window).asString();
        for (Entry entry : entries) {
            Leaderboard.Entry ranked = new Leaderboard.Entry(entry.article(), entry.views(), entry.score());
            add(boards, overall, ranked);
            add(boards, RankingKey.of(window, entry.article().category()).asString(), ranked);
        }
        boards.forEach((key, board) -> result.put(key, new Leaderboard(board)));
    }

    private void add(Map<String, List<Leaderboard.Entry>> boards, String key, Leaderboard.Entry entry) {
        List<Leaderboard.Entry> board = boards.computeIfAbsent(key, k -> new ArrayList<>());
        if (board.size() < settings.topN()) {
            board.add(entry);
        }
    }
}
