package io.kabar.related.refresh;

import io.kabar.related.index.IndexedArticles;
import io.kabar.related.lists.LinkList;
import io.kabar.related.lists.LinkListRecords;
import io.kabar.related.lists.PublishedLists;
import io.kabar.related.ranking.RankingSettings;
import io.kabar.related.ranking.RelatedFinder;
import io.kabar.related.ranking.RelatedLink;
import io.kabar.related.ranking.Story;
import io.kabar.schemas.topics.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    private final PublishedLists lists;
    private final Deliveries deliveries;
    private final Clock clock;
    private final Counter computed;
    private final Counter removed;
    private final Counter superseded;
    private final Counter offered;
    private final Counter unchanged;
    private final Timer computing;
    // List id -> what this instance sent for it last; guarded by this.
    private final Map<String, Sent> sent = new HashMap<>();

    /** The index generation a list sent was computed from, and its {@code computedAt} (null for a tombstone). */
    private record Sent(long generation, Instant computedAt) {}

    ListPublisher(
            IndexedArticles articles,
            RelatedFinder finder,
            PublishedLists lists,
            Deliveries deliveries,
            Clock clock,
            MeterRegistry meters) {
        this.articles = articles;
        this.finder = finder;
        this.lists = lists;
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
        this.offered = Counter.builder("kabar.related.lists.offered")
                .description("back-link refreshes answered by an insertion check instead of a full ranking")
                .register(meters);
        this.unchanged = Counter.builder("kabar.related.lists.unchanged")
                .description("insertion checks that left the list as it was, so nothing was sent")
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

    /**
     * Refreshes a list because the given articles (its neighbours) changed: when none of them is in the list yet and
     * the list is the current one of an unchanged article with no editorial controls, each is scored against the
     * article and inserted where its score puts it ({@link RelatedFinder#offer}), and nothing is sent if none makes
     * it; otherwise (an edited or withdrawn link, pins or a package, a list not known here) a full ranking.
     */
    CompletableFuture<?> offer(String id, Set<String> causes) {
        long generation = articles.generation();
        Optional<Story> story = articles.find(id);
        Optional<LinkList> current = lists.find(id);
        if (story.isEmpty() || current.isEmpty() || !insertable(story.get(), current.get(), causes)) {
            return publish(id);
        }
        offered.increment();
        List<String> newcomers = causes.stream()
                .filter(cause -> articles.find(cause).isPresent()
                        && !articles.controls(cause).excluded())
                .toList();
        List<RelatedLink> links = newcomers.isEmpty()
                ? current.get().links()
                : computing.record(() -> EditorialLinks.apply(
                        story.get(),
                        finder.offer(story.get(), current.get().links(), newcomers, RankingSettings.MAX_LIMIT),
                        articles,
                        RankingSettings.MAX_LIMIT));
        if (links.equals(current.get().links())) {
            unchanged.increment();
            return NOTHING_SENT;
        }
        return send(
                id, generation, new LinkList(id, clock.instant(), story.get().revision(), links));
    }

    /** Whether the list may grow by insertion: see {@link #offer}. */
    private boolean insertable(Story story, LinkList list, Set<String> causes) {
        var controls = articles.controls(story.id());
        boolean linked = list.links().stream().anyMatch(link -> causes.contains(link.id()));
        return list.sourceRevision() == story.revision()
                && controls.pins().isEmpty()
                && controls.storyPackage() == null
                && !causes.contains(story.id())
                && !linked
                && isLastSentHere(list);
    }

    /**
     * Whether the mirrored list is the one this instance sent last for that article, or this instance sent none: a
     * list sent here that the mirror has not read yet, or one written since by an instance that computed this list
     * while it owned its partition, makes the mirrored one stale or unknown here, and the list is ranked in full.
     */
    private synchronized boolean isLastSentHere(LinkList list) {
        Sent last = sent.get(list.articleId());
        return last == null || list.computedAt().equals(last.computedAt());
    }

    private synchronized CompletableFuture<?> send(String id, long generation, LinkList list) {
        Sent last = sent.get(id);
        if (last != null && last.generation() > generation) {
            superseded.increment();
            return NOTHING_SENT;
        }
        // As the mirror will read it back: news.related-links keeps computedAt in milliseconds.
        sent.put(
                id, new Sent(generation, list == null ? null : list.computedAt().truncatedTo(ChronoUnit.MILLIS)));
        (list == null ? removed : computed).increment();
        // One producer sends every list, so records sent in this order reach the partition in this order.
        return deliveries.send(Topics.RELATED_LINKS.name(), id, list == null ? null : LinkListRecords.toAvro(list));
    }
}
