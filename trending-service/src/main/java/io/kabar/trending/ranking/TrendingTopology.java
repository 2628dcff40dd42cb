package io.kabar.trending.ranking;

import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.PageView;
import io.kabar.schemas.TrendingCounts;
import io.kabar.schemas.TrendingRanking;
import io.kabar.schemas.serde.SchemaRegistry;
import io.kabar.schemas.topics.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the Kafka Streams topology of the ranking stage: it turns the per-minute view increments of {@code
 * news.trending-counts} (written by the counting loops, {@code io.kabar.trending.counting}) and the articles of {@code
 * news.articles} into the rankings of {@code news.trending}.
 *
 * <p>Every ranking needs every article, so the stage runs as a single task: {@code news.trending-counts} has one
 * partition and is read as it is, the article changes pass a repartition topic of one partition. The task keeps the
 * article states and sliding sums and ranks on a wall-clock punctuation. It receives one record per counted partition
 * per counting commit, however many views and articles there are, and unpacks it. See the README for the semantics.
 */
public final class TrendingTopology {

    static final String ARTICLE_STORE = "trending-ranked-articles";
    static final String BUCKET_STORE = "trending-ranked-buckets";
    static final String PUBLISHED_STORE = "trending-rankings";
    static final String RANKING_INPUTS = "trending-ranking-inputs";

    private final TrendingSettings settings;
    private final boolean inMemory;
    private final SchemaRegistry schemas;

    public TrendingTopology(TrendingSettings settings) {
        this(settings, false, SchemaRegistry.NONE);
    }

    private TrendingTopology(TrendingSettings settings, boolean inMemory, SchemaRegistry schemas) {
        this.settings = settings;
        this.inMemory = inMemory;
        this.schemas = schemas;
    }

    /**
     * The same topology on in-memory stores (still with changelogs): for {@code TopologyTestDriver}, which commits,
     * and so flushes RocksDB, after every input record.
     */
    public TrendingTopology withStoresInMemory() {
        return new TrendingTopology(settings, true, schemas);
    }

    /**
     * The same topology with Avro serdes that register the schemas they write in {@code registry} and look up there
     * the writer schemas of newer producers, so that a rolling upgrade of a producer dead-letters nothing.
     */
    public TrendingTopology withSchemaRegistry(SchemaRegistry registry) {
        return new TrendingTopology(settings, inMemory, registry);
    }

    /** A topology of its own, for a plain {@code KafkaStreams} or a {@code TopologyTestDriver}. */
    public Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        addTo(builder);
        return builder.build();
    }

    /** Adds the trending processing to {@code builder}, for example the one Spring Kafka's factory bean provides. */
    public void addTo(StreamsBuilder builder) {
        builder.addStateStore(
                Stores.keyValueStoreBuilder(keyValueStore(ARTICLE_STORE), Serdes.String(), TrendingSerdes.ARTICLE));
        builder.addStateStore(Stores.keyValueStoreBuilder(keyValueStore(BUCKET_STORE), Serdes.String(), Serdes.Long())
                .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                keyValueStore(PUBLISHED_STORE), Serdes.String(), TrendingSerdes.LEADERBOARD));

        // The article changes are created first, so that their subtopology keeps number 0 and the ranking's task 1_0.
        KStream<String, RankingInput> articleChanges = builder.stream(
                        Topics.ARTICLES.name(),
                        Consumed.with(Serdes.String(), TrendingSerdes.avro(ArticleEvent.class, schemas))
                                .withName("articles"))
                .filter((id, event) -> id != null, Named.as("keyed-articles"))
                .<RankingInput>mapValues(
                        (id, event) ->
                                new RankingInput.ArticleChange(id, event == null ? null : ArticleInfo.from(event)),
                        Named.as("to-article-change"))
                .repartition(Repartitioned.with(Serdes.String(), TrendingSerdes.RANKING_INPUT)
                        .withName(RANKING_INPUTS)
                        .withNumberOfPartitions(1));
        // news.trending-counts has one partition: read as it is, in the ranking's one task, no repartition.
        KStream<String, RankingInput> bucketCounts = builder.stream(
                        Topics.TRENDING_COUNTS.name(),
                        Consumed.with(Serdes.String(), TrendingSerdes.avro(TrendingCounts.class, schemas))
                                .withName("trending-counts"))
                .process(OwnCounts::new, Named.as("own-counts"));
        bucketCounts
                .merge(articleChanges, Named.as("ranking-inputs"))
                .process(
                        () -> new RankingProcessor(settings),
                        Named.as("rank"),
                        ARTICLE_STORE,
                        BUCKET_STORE,
                        PUBLISHED_STORE)
                .to(
                        Topics.TRENDING.name(),
                        Produced.with(Serdes.String(), TrendingSerdes.avro(TrendingRanking.class, schemas))
                                .withName("trending"));
    }

    /** The consumer group of the counting that feeds the ranking stage of application {@code applicationId}. */
    public static String countingGroup(String applicationId) {
        return applicationId + "-counting";
    }

    /**
     * The key of a page view in {@code news.page-views}: its client address hash, or its session id when the client
     * is unknown. Every view of one address (and so of each session on it) lands in one partition, where the client
     * cap, the dedupe and the session cap are decided by one counting loop.
     */
    public static String pageViewKey(PageView view) {
        return view.getClient() != null ? view.getClient() : view.getSessionId();
    }

    private KeyValueBytesStoreSupplier keyValueStore(String name) {
        return inMemory ? Stores.inMemoryKeyValueStore(name) : Stores.persistentKeyValueStore(name);
    }
}
