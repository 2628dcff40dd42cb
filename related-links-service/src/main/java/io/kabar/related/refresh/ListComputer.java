package io.kabar.related.refresh;

import io.kabar.related.RelatedLinksProperties;
import io.kabar.related.index.IndexedArticles;
import io.kabar.schemas.RelatedLinksRefreshRequested;
import io.kabar.schemas.topics.Topics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Computes the lists requested on {@code news.related-links-own-requests} (changed articles' own lists) and
 * {@code news.related-links-requests} (their back-links) and publishes them on {@code news.related-links}. Requests
 * are keyed by the list's article and the two topics are co-partitioned, so one consumer of the group at a time
 * computes a given list; a fetch lets requests gather for up to {@code kabar.related.coalesce-interval} (less when a
 * partition's read-ahead is already waiting, as when behind), and each list in a poll is computed once, however many
 * changes asked for it, own lists first ({@link OwnListsFirst} lets overdue own-list requests overtake back-links).
 */
@Component
class ListComputer {

    private final IndexedArticles articles;
    private final ListPublisher publisher;
    private final Deliveries deliveries;
    private final RelatedLinksProperties properties;
    private final StageTimers stages;
    private final OwnListsFirst ownListsFirst = new OwnListsFirst();

    ListComputer(
            IndexedArticles articles,
            ListPublisher publisher,
            Deliveries deliveries,
            RelatedLinksProperties properties,
            StageTimers stages) {
        this.articles = articles;
        this.publisher = publisher;
        this.deliveries = deliveries;
        this.properties = properties;
        this.stages = stages;
    }

    /**
     * The requests of one poll for one list: computed once, after the index holds every cause; {@code own} when one of
     * them asked for a changed article's own list (a full ranking), else every cause is a neighbour that may enter it;
     * {@code requests} are the records that asked for it.
     */
    record Pending(
            String listId,
            int firstIndex,
            Map<String, Long> causes,
            boolean own,
            List<ConsumerRecord<String, RelatedLinksRefreshRequested>> requests) {}

    @KafkaListener(
            id = "compute-lists",
            groupId = RefreshConfiguration.GROUP,
            topics = {
                "#{T(io.kabar.schemas.topics.Topics).RELATED_LINKS_OWN_REQUESTS.name()}",
                "#{T(io.kabar.schemas.topics.Topics).RELATED_LINKS_REQUESTS.name()}"
            },
            containerFactory = "requestsListenerFactory")
    void compute(List<ConsumerRecord<String, RelatedLinksRefreshRequested>> batch, Consumer<?, ?> consumer)
            throws InterruptedException {
        try {
            computeInOrder(batch);
        } finally {
            ownListsFirst.steer(consumer);
        }
    }

    private void computeInOrder(List<ConsumerRecord<String, RelatedLinksRefreshRequested>> batch)
            throws InterruptedException {
        int decodable = 0;
        while (decodable < batch.size() && batch.get(decodable).value() != null) {
            decodable++;
        }
        List<CompletableFuture<?>> sends = new ArrayList<>();
        RuntimeException failure = null;
        List<Pending> lists = coalesce(batch.subList(0, decodable));
        for (int i = 0; i < lists.size(); i++) {
            Pending pending = lists.get(i);
            try {
                awaitCauses(pending);
            } catch (IndexBehind e) {
                // Every record before the first request of a list not yet computed belongs to a computed list, so
                // its offset may be committed; that request and all after it come again.
                int retryFrom = lists.subList(i, lists.size()).stream()
                        .mapToInt(Pending::firstIndex)
                        .min()
                        .orElseThrow();
                failure = new BatchListenerFailedException(e.getMessage(), e, retryFrom);
                break;
            }
            pending.requests().forEach(stages::computeStarted);
            sends.add(
                    pending.own()
                            ? publisher.publish(pending.listId())
                            : publisher.offer(pending.listId(), pending.causes().keySet()));
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

    /**
     * One entry per list in the batch, in the order of their first request, own lists (a changed article's, asked for
     * on the own-requests topic) before back-links.
     */
    static List<Pending> coalesce(List<ConsumerRecord<String, RelatedLinksRefreshRequested>> batch) {
        Map<String, Pending> pending = new LinkedHashMap<>();
        Set<String> own = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            ConsumerRecord<String, RelatedLinksRefreshRequested> record = batch.get(i);
            RelatedLinksRefreshRequested request = record.value();
            int index = i;
            Pending list = pending.computeIfAbsent(
                    request.getArticleId(), id -> new Pending(id, index, new HashMap<>(), false, new ArrayList<>()));
            list.causes().merge(request.getCauseArticleId(), request.getCauseRevision(), Math::max);
            list.requests().add(record);
            if (isOwn(record.topic())) {
                own.add(request.getArticleId());
            }
        }
        List<Pending> ordered = new ArrayList<>();
        pending.values()
                .forEach(list -> ordered.add(new Pending(
                        list.listId(),
                        list.firstIndex(),
                        list.causes(),
                        own.contains(list.listId()),
                        list.requests())));
        // A stable sort: within each kind, lists keep the order of their first request.
        ordered.sort(Comparator.comparing(list -> !list.own()));
        return ordered;
    }

    /** Whether a request asks for a changed article's own list rather than a back-link refresh. */
    static boolean isOwn(String topic) {
        return topic.equals(Topics.RELATED_LINKS_OWN_REQUESTS.name());
    }

    private void awaitCauses(Pending pending) throws InterruptedException {
        for (Map.Entry<String, Long> cause : pending.causes().entrySet()) {
            if (!articles.awaitRevision(cause.getKey(), cause.getValue(), properties.indexWait())) {
                throw new IndexBehind(cause.getKey(), cause.getValue());
            }
        }
    }
}
