package io.kabar.related.refresh;

import io.kabar.related.RelatedLinksProperties;
import io.kabar.related.index.IndexedArticles;
import io.kabar.schemas.RelatedLinksRefreshRequested;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Computes the lists requested on {@code news.related-links-requests} (the back-links of changed articles) and
 * publishes them on {@code news.related-links}. Requests are keyed by the list's article, so one consumer of the group
 * at a time computes a given list; a poll gathers the requests of at least {@code kabar.related.coalesce-interval}
 * (or a full batch when behind), and each list in it is computed once, however many changes asked for it.
 */
@Component
class ListComputer {

    private final IndexedArticles articles;
    private final ListPublisher publisher;
    private final Deliveries deliveries;
    private final RelatedLinksProperties properties;

    ListComputer(
            IndexedArticles articles,
            ListPublisher publisher,
            Deliveries deliveries,
            RelatedLinksProperties properties) {
        this.articles = articles;
        this.publisher = publisher;
        this.deliveries = deliveries;
        this.properties = properties;
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
            sends.add(publisher.publish(pending.listId()));
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
}
