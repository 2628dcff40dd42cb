package io.kabar.related.lists;

import io.kabar.platform.kafka.KafkaClients;
import io.kabar.platform.kafka.TopicMirror;
import io.kabar.schemas.RelatedLinks;
import io.kabar.schemas.topics.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Keeps every instance's view of the published lists fed from the whole of {@code news.related-links}. */
@Configuration(proxyBeanMethods = false)
class ListsConfiguration {

    @Bean
    PublishedLists publishedLists(MeterRegistry meters) {
        PublishedLists lists = new PublishedLists();
        Gauge.builder("kabar.related.lists.size", lists, PublishedLists::size)
                .description("related-links lists held in the read model")
                .register(meters);
        return lists;
    }

    @Bean
    TopicMirror<RelatedLinks> relatedLinksMirror(KafkaClients clients, PublishedLists lists) {
        return clients.mirror(Topics.RELATED_LINKS, LinkListRecords::fromAvro, lists::put, lists::remove);
    }
}
