package io.kabar.trending.ranking;

import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.PageView;
import io.kabar.schemas.TrendingRanking;
import io.kabar.schemas.topics.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Builds the Kafka Streams topology that turns {@code news.page-views} and {@code news.articles} into the rankings of
 * {@code news.trending}.
 *
 * <p>Article state is a partitioned state store fed from {@code news.articles}, not a GlobalKTable: it lives in the
 * same task as the view counts of the same articles (both topics are keyed by article id and must have the same
 * number of partitions), so an article change can re-send that article's counts with its new title or category, or
 * remove it, within the same exactly-once transaction; and each instance holds only its share of the articles.
 *
 * <p>Counts are repartitioned by ranking key ({@code window|category}), so exactly one task owns each ranking and
 * builds it from updates without cross-task coordination; the number of rankings (windows x (categories + 1)), not
 * the number of views, bounds that stage. Readers on any instance read the compacted {@code news.trending} topic.
 */
public final class TrendingTopology {

    static final String ARTICLE_STORE = "trending-articles";
    static final String DEDUPE_STORE = "trending-view-dedupe";
    static final String BOARD_STORE = "trending-boards";
    static final String PUBLISHED_STORE = "trending-published";
    static final String RANKING_UPDATES = "trending-ranking-updates";

    private final TrendingSettings settings;

    public TrendingTopology(TrendingSettings settings) {
        this.settings = settings;
    }

    /** The name of the windowed view-count store of {@code window}. */
    static String countStore(TrendingWindow window) {
        return "trending-counts-" + window.name();
    }

    /** A topology of its own, for a plain {@code KafkaStreams} or a {@code TopologyTestDriver}. */
    public Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        addTo(builder);
        return builder.build();
    }

    /** Adds the trending processing to {@code builder}, for example the one Spring Kafka's factory bean provides. */
    public void addTo(StreamsBuilder builder) {
        Serde<PageView> pageViews = TrendingSerdes.avro(PageView.class);
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ARTICLE_STORE), Serdes.String(), TrendingSerdes.ARTICLE));
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(
                        DEDUPE_STORE,
                        settings.dedupeInterval().plus(settings.grace()),
                        settings.dedupeInterval(),
                        false),
                Serdes.String(),
                Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(BOARD_STORE), Serdes.String(), TrendingSerdes.LEADERBOARD));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PUBLISHED_STORE), Serdes.String(), TrendingSerdes.LEADERBOARD));

        KStream<String, PageView> counted = builder.stream(
                        Topics.PAGE_VIEWS.name(),
                        Consumed.with(Serdes.String(), pageViews)
                                .withTimestampExtractor(new ViewedAtExtractor())
                                .withName("page-views"))
                .processValues(() -> new ViewDedupeProcessor(settings), Named.as("dedupe-views"), DEDUPE_STORE);

        List<String> articleProcessorStores = new ArrayList<>(List.of(ARTICLE_STORE));
        List<KStream<String, RankingUpdate>> countUpdates = new ArrayList<>();
        for (TrendingWindow window : settings.windows()) {
            articleProcessorStores.add(countStore(window));
            countUpdates.add(counted.groupByKey(Grouped.with(Serdes.String(), pageViews))
                    .windowedBy(TimeWindows.ofSizeAndGrace(window.size(), settings.grace())
                            .advanceBy(window.advance()))
                    .count(
                            Named.as("count-" + window.name()),
                            Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(countStore(window))
                                    .withKeySerde(Serdes.String())
                                    .withValueSerde(Serdes.Long()))
                    .toStream(Named.as("counts-" + window.name()))
                    .process(() -> new CountEnricher(window), Named.as("enrich-" + window.name()), ARTICLE_STORE));
        }
        // Reads the count stores to re-send counts on article changes, so it joins their task.
        KStream<String, RankingUpdate> updates = builder.stream(
                        Topics.ARTICLES.name(),
                        Consumed.with(Serdes.String(), TrendingSerdes.avro(ArticleEvent.class))
                                .withName("articles"))
                .process(
                        () -> new ArticleStateProcessor(settings),
                        Named.as("article-state"),
                        articleProcessorStores.toArray(String[]::new));
        for (int i = 0; i < countUpdates.size(); i++) {
            updates = updates.merge(
                    countUpdates.get(i),
                    Named.as("merge-" + settings.windows().get(i).name()));
        }
        updates.repartition(Repartitioned.with(Serdes.String(), TrendingSerdes.RANKING_UPDATE)
                        .withName(RANKING_UPDATES))
                .process(() -> new RankingProcessor(settings), Named.as("rank"), BOARD_STORE, PUBLISHED_STORE)
                .to(
                        Topics.TRENDING.name(),
                        Produced.with(Serdes.String(), TrendingSerdes.avro(TrendingRanking.class))
                                .withName("trending"));
    }
}
