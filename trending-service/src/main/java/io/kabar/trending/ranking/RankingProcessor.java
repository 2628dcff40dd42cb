package io.kabar.trending.ranking;

import io.kabar.schemas.TrendingArticle;
import io.kabar.schemas.TrendingRanking;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The ranking stage, one task for all articles: keeps each article's latest revision and its minute buckets with
 * their sliding sums ({@link ViewTallies}), and, on a wall-clock punctuation, recomputes the rankings of every window
 * and category ({@link Standings}) and publishes those whose top N changed.
 *
 * <p>Time is the later of stream time and the wall clock, so windows move on when views stop: an article nobody reads
 * leaves "last hour" within a minute of its last view turning an hour old. The stores are the record; the in-memory
 * copies are rebuilt from them whenever the task (re)starts.
 */
final class RankingProcessor implements Processor<String, RankingInput, String, TrendingRanking> {

    private final TrendingSettings settings;
    private final Standings standings;
    private final ViewTallies tallies;
    private final Map<String, ArticleInfo> articleCopy = new HashMap<>();
    private final Map<String, Leaderboard> publishedCopy = new HashMap<>();
    private ProcessorContext<String, TrendingRanking> context;
    private KeyValueStore<String, ArticleInfo> articles;
    private KeyValueStore<String, Long> buckets;
    private KeyValueStore<String, Leaderboard> published;
    private boolean changed;

    RankingProcessor(TrendingSettings settings) {
        this.settings = settings;
        this.standings = new Standings(settings);
        this.tallies = new ViewTallies(Standings.spans(settings));
    }

    @Override
    public void init(ProcessorContext<String, TrendingRanking> context) {
        this.context = context;
        this.articles = context.getStateStore(TrendingTopology.ARTICLE_STORE);
        this.buckets = context.getStateStore(TrendingTopology.BUCKET_STORE);
        this.published = context.getStateStore(TrendingTopology.PUBLISHED_STORE);
        articleCopy.clear();
        publishedCopy.clear();
        tallies.clear();
        try (KeyValueIterator<String, ArticleInfo> all = articles.all()) {
            all.forEachRemaining(entry -> articleCopy.put(entry.key, entry.value));
        }
        try (KeyValueIterator<String, Leaderboard> all = published.all()) {
            all.forEachRemaining(entry -> publishedCopy.put(entry.key, entry.value));
        }
        long latest = Buckets.of(now());
        try (KeyValueIterator<String, Long> all = buckets.all()) {
            while (all.hasNext()) {
                var entry = all.next();
                latest = Math.max(latest, MinuteKey.bucketOf(entry.key));
            }
        }
        tallies.advanceTo(latest, this::forget);
        List<String> stale = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = buckets.all()) {
            all.forEachRemaining(entry -> {
                if (!tallies.put(MinuteKey.articleOf(entry.key), MinuteKey.bucketOf(entry.key), entry.value)) {
                    stale.add(entry.key);
                }
            });
        }
        stale.forEach(buckets::delete);
        changed = true;
        context.schedule(settings.rankInterval(), PunctuationType.WALL_CLOCK_TIME, wallClock -> rank());
    }

    @Override
    public void process(Record<String, RankingInput> record) {
        switch (record.value()) {
            case RankingInput.BucketViews added -> {
                tallies.advanceTo(Math.max(added.bucket(), Buckets.of(now())), this::forget);
                long views = tallies.views(added.articleId(), added.bucket()) + added.views();
                if (tallies.put(added.articleId(), added.bucket(), views)) {
                    buckets.put(MinuteKey.of(added.bucket(), added.articleId()), views);
                    changed = true;
                }
            }
            case RankingInput.ArticleChange change -> apply(change);
            case null -> {}
        }
    }

    /** Keeps the highest revision: older or repeated ones are ignored, so a replayed PUBLISHED cannot revive one. */
    private void apply(RankingInput.ArticleChange change) {
        ArticleInfo previous = articleCopy.get(change.articleId());
        if (change.article() == null) {
            articleCopy.remove(change.articleId());
            articles.delete(change.articleId());
        } else if (previous == null || change.article().revision() > previous.revision()) {
            articleCopy.put(change.articleId(), change.article());
            articles.put(change.articleId(), change.article());
        } else {
            return;
        }
        changed = true;
    }

    private void rank() {
        long now = now();
        changed |= tallies.advanceTo(Buckets.of(now), this::forget);
        if (!changed) {
            return;
        }
        changed = false;
        Map<String, Leaderboard> next = standings.compute(tallies, articleCopy, now);
        TreeSet<String> keys = new TreeSet<>(next.keySet());
        keys.addAll(publishedCopy.keySet());
        for (String key : keys) {
            Leaderboard board = next.getOrDefault(key, Leaderboard.EMPTY);
            Leaderboard last = publishedCopy.get(key);
            if (last == null ? board.isEmpty() : last.sameAs(board)) {
                continue;
            }
            if (board.isEmpty()) {
                publishedCopy.remove(key);
                published.delete(key);
            } else {
                publishedCopy.put(key, board);
                published.put(key, board);
            }
            context.forward(new Record<>(key, ranking(RankingKey.parse(key), board, now), now));
        }
    }

    /** The later of stream time and the wall clock. */
    private long now() {
        return Math.max(context.currentStreamTimeMs(), context.currentSystemTimeMs());
    }

    private void forget(long bucket, String articleId) {
        buckets.delete(MinuteKey.of(bucket, articleId));
    }

    private static TrendingRanking ranking(RankingKey key, Leaderboard board, long now) {
        return TrendingRanking.newBuilder()
                .setWindow(key.window())
                .setCategory(key.category())
                .setGeneratedAt(Instant.ofEpochMilli(now))
                .setArticles(board.entries().stream()
                        .map(entry -> TrendingArticle.newBuilder()
                                .setArticleId(entry.article().id())
                                .setTitle(entry.article().title())
                                .setUrl(entry.article().url())
                                .setCategory(entry.article().category())
                                .setViews(entry.views())
                                .setScore(entry.score())
                                .build())
                        .toList())
                .build();
    }
}
