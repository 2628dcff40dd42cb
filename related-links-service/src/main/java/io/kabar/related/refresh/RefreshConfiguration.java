package io.kabar.related.refresh;

import io.kabar.platform.kafka.KafkaClients;
import io.kabar.related.RelatedLinksProperties;
import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.RelatedLinksRefreshRequested;
import io.kabar.schemas.topics.Topics;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

/** Wires the two listeners of the consumer group (plan on {@code news.articles}, compute on the requests) and their producer. */
@Configuration(proxyBeanMethods = false)
class RefreshConfiguration {

    /** The consumer group every instance joins: each partition of its topics is worked by one instance at a time. */
    static final String GROUP = "related-links-service";

    /**
     * Requests coalesced per poll at most; each distinct list among them costs one ranking query or insertion check.
     * A poll computes its own lists first, so an own list that arrives while a poll of back-links is being computed
     * waits for that poll and the back-links fetched before it: 50 lists at a millisecond or two each keep that wait
     * in the low hundreds of milliseconds (issue 17, fifth attempt: it was 100).
     */
    private static final int MAX_REQUESTS_PER_POLL = 50;

    /**
     * How much a fetch reads ahead per partition: about 25 requests. The consumer hands out what it fetched in the
     * order it arrived, so an own-list request fetched after back-link partitions' read-ahead waits for all of it
     * before its poll puts it first: at the default 1 MB that was every back-link request of a burst (issue 17,
     * fourth attempt); at this size, a poll's worth or two at most.
     */
    private static final int READ_AHEAD_BYTES = 4 * 1024;

    /**
     * A fetch waits for this much or the coalescing interval, whichever comes first. No more than one partition's
     * read-ahead: the broker counts at most the read-ahead of each partition towards it, so a larger minimum is out
     * of reach for a consumer whose backlog sits in one or two partitions, and every fetch of a consumer that is
     * behind would wait the whole interval (issue 17, seventh attempt: with 2 KB of read-ahead against an 8 KB
     * minimum, a consumer's three back-link partitions could not reach it, and a burst's back-links finished 35 s
     * after its last publish instead of 0.3 s).
     */
    private static final int COALESCING_FETCH_BYTES = READ_AHEAD_BYTES;

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, ArticleEvent> articlesListenerFactory(
            KafkaClients clients, RelatedLinksProperties properties) {
        var factory = clients.listenerFactory(Topics.ARTICLES, Map.of());
        factory.setConcurrency(properties.consumers());
        return factory;
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, RelatedLinksRefreshRequested> requestsListenerFactory(
            KafkaClients clients, RelatedLinksProperties properties) {
        // The broker holds a fetch until the interval has passed or enough requests are waiting, so the requests
        // that a burst of articles makes for one list arrive in one poll and the list is computed once.
        var factory = clients.listenerFactory(
                Topics.RELATED_LINKS_REQUESTS,
                Map.of(
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        MAX_REQUESTS_PER_POLL,
                        ConsumerConfig.FETCH_MIN_BYTES_CONFIG,
                        COALESCING_FETCH_BYTES,
                        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                        (int) properties.coalesceInterval().toMillis(),
                        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                        READ_AHEAD_BYTES,
                        // One writer per list needs partition p of the own-requests and of the requests topic on
                        // the same consumer: the range assignor gives the co-partitioned topics the same layout.
                        ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                        RangeAssignor.class.getName()));
        factory.setBatchListener(true);
        factory.setConcurrency(properties.consumers());
        return factory;
    }

    @Bean(destroyMethod = "close")
    Deliveries deliveries(KafkaClients clients, RelatedLinksProperties properties) {
        var factory = clients.producerFactory(Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int)
                properties.sendTimeout().toMillis()));
        return new Deliveries(factory, properties.sendTimeout());
    }
}
