package io.kabar.related.refresh;

import io.kabar.related.index.IndexedArticles;
import io.kabar.related.lists.LinkList;
import io.kabar.related.lists.LinkListRecords;
import io.kabar.related.ranking.RankingSettings;
import io.kabar.related.ranking.RelatedFinder;
import io.kabar.related.ranking.RelatedLink;
import io.kabar.related.ranking.Story;
import io.kabar.schemas.topics.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/**
 * Computes one article's list from the local index (the ranking, then the newsroom's controls) and sends it to
 * {@code news.related-links}, or a tombstone when the article is not published. Both listeners publish through it,
 * on several threads: a list computed from an older state of the index than one already sent is dropped, so a slow
 * computation never overwrites a newer list.
 */
@Component
class ListPublisher {

    private static final CompletableFuture<?> NOTHING_SENT = CompletableFuture.completedFuture(null);

    private final IndexedArticles articles;
    private final RelatedFinder finder;
    private final Deliveries deliveries;
    private final Clock clock;
    private final Counter computed;
    private final Counter removed;
    private final Counter superseded;
    private final Timer computing;
    // List id -> index generation of the last list sent for it; guarded by this.
    private final Map<String, Long> sentAt = new HashMap<>();

    ListPublisher(
            IndexedArticles articles, RelatedFinder finder, Deliveries deliveries, Clock clock, MeterRegistry meters) {
        this.articles = articles;
        this.finder = finder;
        this.deliveries = deliveries;
        this.clock = clock;
        this.computed = Counter.builder("kabar.related.lists.computed")
                .description("lists computed and published")
                .register(meters);
        this.removed = Counter.builder("kabar.related.lists.removed")
                .description("lists deleted (tombstoned) because their article is not published")
                .register(meters);
        this.superseded = Counter.builder("kabar.related.lists.superseded")
                .description("lists dropped because a list from a newer state of the index was sent meanwhile")
                .register(meters);
        this.computing = Timer.builder("kabar.related.lists.compute")
                .description("time to rank one article's list")
                .register(meters);
    }

    /** Publishes the article's list, or a tombstone when it is not published, so that its list disappears. */
    CompletableFuture<?> publish(String id) {
        long generation = articles.generation();
        Optional<Story> story = articles.find(id);
        if (story.isEmpty()) {
            return send(id, generation, null);
        }
        // Stored at the largest size the API serves, so that any limit is a truncation of the same list.
        List<RelatedLink> links = computing.record(() -> EditorialLinks.apply(
                story.get(),
                finder.relatedTo(story.get(), RankingSettings.MAX_LIMIT),
                articles,
                RankingSettings.MAX_LIMIT));
        return send(
                id, generation, new LinkList(id, clock.instant(), story.get().revision(), links));
    }

    private synchronized CompletableFuture<?> send(String id, long generation, LinkList list) {
        if (sentAt.getOrDefault(id, -1L) > generation) {
            superseded.increment();
            return NOTHING_SENT;
        }
        sentAt.put(id, generation);
        (list == null ? removed : computed).increment();
        // One producer sends every list, so records sent in this order reach the partition in this order.
        return deliveries.send(Topics.RELATED_LINKS.name(), id, list == null ? null : LinkListRecords.toAvro(list));
    }
}
