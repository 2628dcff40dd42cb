package io.kabar.trending.ranking;

import io.kabar.schemas.TrendingArticle;
import io.kabar.schemas.TrendingRanking;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Owns the rankings whose keys land in its task: keeps a {@link Leaderboard} per ranking and open counting window,
 * and publishes a ranking whenever the top N of its current window changes, including when stream time moves the
 * ranking on to the next window.
 */
final class RankingProcessor implements Processor<String, RankingUpdate, String, TrendingRanking> {

    /** Window starts are zero-padded so that a board key's length tells it apart from a longer category's keys. */
    private static final int START_DIGITS = 19;

    private final TrendingSettings settings;
    private ProcessorContext<String, TrendingRanking> context;
    private KeyValueStore<String, Leaderboard> boards;
    private KeyValueStore<String, Leaderboard> published;

    RankingProcessor(TrendingSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, TrendingRanking> context) {
        this.context = context;
        this.boards = context.getStateStore(TrendingTopology.BOARD_STORE);
        this.published = context.getStateStore(TrendingTopology.PUBLISHED_STORE);
        context.schedule(settings.shortestAdvance(), PunctuationType.STREAM_TIME, this::refreshAll);
    }

    @Override
    public void process(Record<String, RankingUpdate> record) {
        Optional<TrendingWindow> window =
                settings.window(RankingKey.parse(record.key()).window());
        if (window.isEmpty()) {
            return;
        }
        long now = Math.max(record.timestamp(), context.currentStreamTimeMs());
        RankingUpdate update = record.value();
        if (update.isRemoval()) {
            for (KeyValue<String, Leaderboard> board : boardsOf(record.key())) {
                boards.put(board.key, board.value.without(update.articleId()));
            }
        } else if (update.windowStart() >= window.get().currentStart(now)) {
            String boardKey = boardKey(record.key(), update.windowStart());
            Leaderboard board = Optional.ofNullable(boards.get(boardKey)).orElse(Leaderboard.EMPTY);
            boards.put(boardKey, board.with(update.article(), update.views(), settings.retained()));
        }
        refresh(record.key(), window.get(), now, false);
    }

    private void refreshAll(long now) {
        TreeSet<String> rankingKeys = new TreeSet<>();
        try (KeyValueIterator<String, Leaderboard> all = published.all()) {
            all.forEachRemaining(entry -> rankingKeys.add(entry.key));
        }
        try (KeyValueIterator<String, Leaderboard> all = boards.all()) {
            all.forEachRemaining(entry -> rankingKeys.add(rankingKeyOf(entry.key)));
        }
        for (String rankingKey : rankingKeys) {
            settings.window(RankingKey.parse(rankingKey).window()).ifPresent(w -> refresh(rankingKey, w, now, true));
        }
    }

    /**
     * Publishes the current window's top N if it changed. Only the stream-time punctuation drops the boards of ended
     * windows: scanning them on every update would decode every open window's board, the stage's main cost.
     */
    private void refresh(String rankingKey, TrendingWindow window, long now, boolean expire) {
        long current = window.currentStart(now);
        if (expire) {
            for (KeyValue<String, Leaderboard> entry : boardsOf(rankingKey)) {
                if (startOf(entry.key) < current) {
                    boards.delete(entry.key);
                }
            }
        }
        Leaderboard board =
                Optional.ofNullable(boards.get(boardKey(rankingKey, current))).orElse(Leaderboard.EMPTY);
        Leaderboard top = board.top(settings.topN());
        Leaderboard last = published.get(rankingKey);
        if (last == null ? top.isEmpty() : last.equals(top)) {
            return;
        }
        if (top.isEmpty()) {
            published.delete(rankingKey);
        } else {
            published.put(rankingKey, top);
        }
        context.forward(new Record<>(rankingKey, ranking(RankingKey.parse(rankingKey), top, now), now));
    }

    /** Read fully before the caller writes, as store iterators need not see concurrent changes. */
    private List<KeyValue<String, Leaderboard>> boardsOf(String rankingKey) {
        String prefix = rankingKey + "@";
        List<KeyValue<String, Leaderboard>> result = new ArrayList<>();
        try (KeyValueIterator<String, Leaderboard> it = boards.prefixScan(prefix, new StringSerializer())) {
            it.forEachRemaining(entry -> {
                if (entry.key.length() == prefix.length() + START_DIGITS) {
                    result.add(entry);
                }
            });
        }
        return result;
    }

    private static String boardKey(String rankingKey, long windowStart) {
        return rankingKey + "@" + String.format("%0" + START_DIGITS + "d", windowStart);
    }

    private static String rankingKeyOf(String boardKey) {
        return boardKey.substring(0, boardKey.length() - START_DIGITS - 1);
    }

    private static long startOf(String boardKey) {
        return Long.parseLong(boardKey.substring(boardKey.length() - START_DIGITS));
    }

    private static TrendingRanking ranking(RankingKey key, Leaderboard top, long now) {
        return TrendingRanking.newBuilder()
                .setWindow(key.window())
                .setCategory(key.category())
                .setGeneratedAt(Instant.ofEpochMilli(now))
                .setArticles(top.entries().stream()
                        .map(entry -> TrendingArticle.newBuilder()
                                .setArticleId(entry.article().id())
                                .setTitle(entry.article().title())
                                .setUrl(entry.article().url())
                                .setCategory(entry.article().category())
                                .setViews(entry.views())
                                .setScore(HotScore.of(
                                        entry.views(), entry.article().publishedAt(), now))
                                .build())
                        .toList())
                .build();
    }
}
