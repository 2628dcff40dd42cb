package io.kabar.trending.ranking;

import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.PageView;
import io.kabar.schemas.TrendingRanking;
import io.kabar.schemas.serde.SchemaRegistry;
import io.kabar.schemas.topics.Topics;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
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
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;

/**
 * Builds the Kafka Streams topology that turns {@code news.page-views} and {@code news.articles} into the rankings of
 * {@code news.trending}.
 *
 * <p>Counting does a constant, small amount of work per view, all of it in the view's own partition: {@code
 * news.page-views} is keyed by client address hash (by session id without one, see {@link #pageViewKey}), so the
 * client cap, the session's dedupe and cap (one store record per session and dedupe slot serves both) and the count
 * into its article's one-minute bucket need no repartition. The bucket increments are handed on once per rank
 * interval, so the ranking stage receives one update per active article and minute per partition and rank interval,
 * however many views there are. That stage runs as a single task (its input topic has one partition), since every
 * ranking needs every article; it keeps the article states and sliding sums, and ranks on a wall-clock punctuation.
 * See the README for the semantics.
 */
public final class TrendingTopology {

    // Renamed when their record formats changed (the dedupe moved into the session store): new changelogs, see the
    // README's Upgrading.
    static final String CLIENT_STORE = "trending-client-session-ids";
    static final String SESSION_STORE = "trending-session-slots";
    static final String MINUTE_VIEWS_STORE = "trending-minute-views";
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
        Serde<PageView> pageViews = TrendingSerdes.avro(PageView.class, schemas);
        // The client-cap and session stores get a new key for almost every counted view, so the record cache could
        // coalesce nothing there: it is left to the minute counts, whose increments it merges between commits.
        builder.addStateStore(Stores.windowStoreBuilder(
                        windowStore(CLIENT_STORE, Buckets.WIDTH.plus(settings.grace()), Buckets.WIDTH),
                        Serdes.String(),
                        TrendingSerdes.SESSION_IDS)
                .withCachingDisabled());
        // Views more than the grace behind their partition's stream time are dropped before this store: it keeps a
        // view's slot and the one before it, a grace behind.
        builder.addStateStore(Stores.windowStoreBuilder(
                        windowStore(
                                SESSION_STORE,
                                SessionViewsProcessor.slotWidth(settings)
                                        .multipliedBy(2)
                                        .plus(settings.grace()),
                                SessionViewsProcessor.slotWidth(settings)),
                        Serdes.String(),
                        TrendingSerdes.SESSION_SLOT)
                .withCachingDisabled());
        // Keys repeat between commits (one per active article and minute): the record cache coalesces their changelog.
        builder.addStateStore(
                Stores.keyValueStoreBuilder(keyValueStore(MINUTE_VIEWS_STORE), Serdes.String(), Serdes.Long())
                        .withCachingEnabled());
        builder.addStateStore(
                Stores.keyValueStoreBuilder(keyValueStore(ARTICLE_STORE), Serdes.String(), TrendingSerdes.ARTICLE));
        builder.addStateStore(Stores.keyValueStoreBuilder(keyValueStore(BUCKET_STORE), Serdes.String(), Serdes.Long())
                .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                keyValueStore(PUBLISHED_STORE), Serdes.String(), TrendingSerdes.LEADERBOARD));

        KStream<String, RankingInput> bucketCounts = builder.stream(
                        Topics.PAGE_VIEWS.name(),
                        // The key only routes a view to its partition: it is never decoded (a String per view).
                        Consumed.with(Serdes.ByteArray(), pageViews)
                                .withTimestampExtractor(new ViewedAtExtractor())
                                .withName("page-views"))
                .processValues(() -> new ClientCapProcessor(settings), Named.as("cap-client-sessions"), CLIENT_STORE)
                // The key (client, else session) puts every view of a session from one address in this partition.
                .processValues(
                        () -> new SessionViewsProcessor(settings), Named.as("dedupe-and-cap-sessions"), SESSION_STORE)
                // Counted here and handed on as increments per article and minute: no repartition by article, the
                // ranking stage adds up what every partition sends.
                .process(() -> new MinuteViewsProcessor(settings), Named.as("count-per-minute"), MINUTE_VIEWS_STORE);
        KStream<String, RankingInput> articleChanges = builder.stream(
                        Topics.ARTICLES.name(),
                        Consumed.with(Serdes.String(), TrendingSerdes.avro(ArticleEvent.class, schemas))
                                .withName("articles"))
                .filter((id, event) -> id != null, Named.as("keyed-articles"))
                .mapValues(
                        (id, event) ->
                                new RankingInput.ArticleChange(id, event == null ? null : ArticleInfo.from(event)),
                        Named.as("to-article-change"));
        bucketCounts
                .merge(articleChanges, Named.as("ranking-inputs"))
                .repartition(Repartitioned.with(Serdes.String(), TrendingSerdes.RANKING_INPUT)
                        .withName(RANKING_INPUTS)
                        .withNumberOfPartitions(1))
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

    /**
     * The key of a page view in {@code news.page-views}: its client address hash, or its session id when the client
     * is unknown. Every view of one address (and so of each session on it) lands in one partition, where the client
     * cap, the dedupe and the session cap are decided without a repartition.
     */
    public static String pageViewKey(PageView view) {
        return view.getClient() != null ? view.getClient() : view.getSessionId();
    }

    private KeyValueBytesStoreSupplier keyValueStore(String name) {
        return inMemory ? Stores.inMemoryKeyValueStore(name) : Stores.persistentKeyValueStore(name);
    }

    private WindowBytesStoreSupplier windowStore(String name, Duration retention, Duration size) {
        return inMemory
                ? Stores.inMemoryWindowStore(name, retention, size, false)
                : Stores.persistentWindowStore(name, retention, size, false);
    }
}
