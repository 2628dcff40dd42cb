package io.kabar.related.refresh;

import io.kabar.related.RelatedLinksProperties;
import io.kabar.related.index.IndexedArticles;
import io.kabar.related.lists.LinkList;
import io.kabar.related.lists.LinkListRecords;
import io.kabar.related.ranking.RankingSettings;
import io.kabar.related.ranking.RelatedFinder;
import io.kabar.related.ranking.RelatedLink;
import io.kabar.related.ranking.Story;
import io.kabar.schemas.RelatedLinksRefreshRequested;
import io.kabar.schemas.topics.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Computes the lists requested on {@code news.related-links-requests} and publishes them on {@code news.related-links};
 * requests are keyed by the list's article, so one instance of the group at a time computes a given list.
 */
@Component
class ListComputer {

    private final IndexedArticles articles;
    private final RelatedFinder finder;
    private final Deliveries deliveries;
    private final RelatedLinksProperties properties;
    private final Clock clock;
    private final Counter computed;
    private final Counter removed;
    private final Timer computing;

    ListComputer(
            IndexedArticles articles,
            RelatedFinder finder,
            Deliveries deliveries,
            RelatedLinksProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.articles = articles;
        this.finder = finder;
        this.deliveries = deliveries;
        this.properties = properties;
        this.clock = clock;
        this.computed = Counter.builder("kabar.related.lists.computed")
                .description("lists computed and published")
                .register(meters);
        this.removed = Counter.builder("kabar.related.lists.removed")
                .description("lists deleted (tombstoned) because their article is not published")
                .register(meters);
        this.computing = Timer.builder("kabar.related.lists.compute")
                .description("time to rank one article's list")
                .register(meters);
    }

    /** The requests of one poll for one list: computed once, after the index holds every cause. */
    private record Pending(String listId, int firstIndex, Map<String, Long> causes) {}

    @KafkaListener(
            id = "compute-lists",
            groupId = RefreshConfiguration.GROUP,
            topics = "#{T(io.kabar.schemas.topics.Topics).RELATED_LINKS_REQUESTS.name()}",
            containerFactory = "requestsListenerFactory")
    void compute(List<ConsumerRecord<String, RelatedLinksRefreshRequested>> batch) throws InterruptedException {
        int decodable = 0;
        while (decodable < batch.size() && batch.get(decodable).value() != null) {
            decodable++;
        }
        List<CompletableFuture<?>> sends = new ArrayList<>();
        RuntimeException failure = null;
        for (Pending pending : coalesce(batch.subList(0, decodable)).values()) {
            try {
                awaitCauses(pending);
            } catch (IndexBehind e) {
                // Lists are handled in order of their first request, so every offset before it is done and committed.
                failure = new BatchListenerFailedException(e.getMessage(), e, pending.firstIndex());
                break;
            }
            sends.add(publish(pending.listId()));
        }
        deliveries.awaitAll(sends);
        if (failure == null && decodable < batch.size()) {
            // A request without value could not be decoded (the deserializer passed it on); it goes to the dead
            // letters.
            failure = new BatchListenerFailedException("undecodable refresh request", decodable);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static Map<String, Pending> coalesce(List<ConsumerRecord<String, RelatedLinksRefreshRequested>> batch) {
        Map<String, Pending> pending = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            RelatedLinksRefreshRequested request = batch.get(i).value();
            int index = i;
            pending.computeIfAbsent(request.getArticleId(), id -> new Pending(id, index, new HashMap<>()))
                    .causes()
                    .merge(request.getCauseArticleId(), request.getCauseRevision(), Math::max);
        }
        return pending;
    }

    private void awaitCauses(Pending pending) throws InterruptedException {
        for (Map.Entry<String, Long> cause : pending.causes().entrySet()) {
            if (!articles.awaitRevision(cause.getKey(), cause.getValue(), properties.indexWait())) {
                throw new IndexBehind(cause.getKey(), cause.getValue());
            }
        }
    }

    /** Publishes the article's list, or a tombstone when it is not published, so that its list disappears. */
    private CompletableFuture<?> publish(String id) {
        String topic = Topics.RELATED_LINKS.name();
        Optional<Story> story = articles.find(id);
        if (story.isEmpty()) {
            removed.increment();
            return deliveries.send(topic, id, null);
        }
        // Stored at the largest size the API serves, so that any limit is a truncation of the same list.
        List<RelatedLink> links = computing.record(() -> finder.relatedTo(story.get(), RankingSettings.MAX_LIMIT));
        computed.increment();
        LinkList list = new LinkList(id, clock.instant(), story.get().revision(), links);
        return deliveries.send(topic, id, LinkListRecords.toAvro(list));
    }
}
