package io.kabar.related.refresh;

import io.kabar.related.RelatedLinksProperties;
import io.kabar.related.index.IndexedArticles;
import io.kabar.related.index.StoryRecords;
import io.kabar.related.lists.PublishedLists;
import io.kabar.related.ranking.RelatedFinder;
import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.ArticleEventType;
import io.kabar.schemas.RelatedLinksRefreshRequested;
import io.kabar.schemas.topics.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns each change of an article into requests to recompute the lists it affects, for the coalescing compute
 * listener: its own (on the topic read first), those of its most similar articles (which it may now enter), of the other members of its story
 * package, and those that currently show it (whose link to it may now be wrong).
 */
@Component
class RefreshPlanner {

    private static final String NEIGHBOUR_CHANGED = "NEIGHBOUR_CHANGED";

    private final IndexedArticles articles;
    private final RelatedFinder finder;
    private final PublishedLists lists;
    private final Deliveries deliveries;
    private final RelatedLinksProperties properties;
    private final Clock clock;
    private final Counter planned;
    private final StageTimers stages;

    RefreshPlanner(
            IndexedArticles articles,
            RelatedFinder finder,
            PublishedLists lists,
            Deliveries deliveries,
            RelatedLinksProperties properties,
            Clock clock,
            MeterRegistry meters,
            StageTimers stages) {
        this.articles = articles;
        this.finder = finder;
        this.lists = lists;
        this.deliveries = deliveries;
        this.properties = properties;
        this.clock = clock;
        this.stages = stages;
        this.planned = Counter.builder("kabar.related.refresh.requests.planned")
                .description("requests to recompute a list, produced to " + Topics.RELATED_LINKS_OWN_REQUESTS + " and "
                        + Topics.RELATED_LINKS_REQUESTS)
                .register(meters);
    }

    @KafkaListener(
            id = "plan-refreshes",
            groupId = RefreshConfiguration.GROUP,
            topics = "#{T(io.kabar.schemas.topics.Topics).ARTICLES.name()}",
            containerFactory = "articlesListenerFactory")
    void plan(ConsumerRecord<String, ArticleEvent> record) throws InterruptedException {
        stages.planStarted(record);
        long started = System.nanoTime();
        String id = record.key();
        ArticleEvent event = record.value();
        long revision =
                event == null ? IndexedArticles.DELETED : event.getArticle().getRevision();
        // Neighbours are looked up in the index, so it must hold this change first; then, of two similar articles
        // published at once, the later one indexed always finds the earlier one and refreshes its list.
        if (!articles.awaitRevision(id, revision, properties.indexWait())) {
            throw new IndexBehind(id, revision);
        }
        long indexed = System.nanoTime();
        stages.indexWaited(indexed - started);
        // Every list, the article's own included, is computed by the owner of its key's partition in the requests
        // topic: one writer per list, so an older list computed elsewhere can never land after a newer one.
        Set<String> affected = new LinkedHashSet<>();
        affected.add(id);
        if (event != null) {
            affected.addAll(
                    finder.listsToRefresh(StoryRecords.fromAvro(event.getArticle()), properties.refreshFanout()));
            affected.addAll(EditorialLinks.packageLists(id, articles));
        }
        affected.addAll(lists.listsShowing(id));

        String cause = event == null
                ? ArticleEventType.UNPUBLISHED.name()
                : event.getEventType().name();
        Instant now = clock.instant();
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (String listId : affected) {
            // The article's own list goes to the topic its consumer reads first; both topics are keyed and
            // partitioned alike, so either way the list is computed by the owner of its partition.
            sends.add(deliveries.send(
                    (listId.equals(id) ? Topics.RELATED_LINKS_OWN_REQUESTS : Topics.RELATED_LINKS_REQUESTS).name(),
                    listId,
                    RelatedLinksRefreshRequested.newBuilder()
                            .setArticleId(listId)
                            .setRequestedAt(now)
                            .setCause(listId.equals(id) ? cause : NEIGHBOUR_CHANGED)
                            .setCauseArticleId(id)
                            .setCauseRevision(revision)
                            .build()));
        }
        deliveries.awaitAll(sends);
        planned.increment(affected.size());
        stages.planned(System.nanoTime() - indexed);
    }
}
