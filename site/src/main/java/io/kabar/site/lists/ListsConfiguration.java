package io.kabar.site.lists;

import io.kabar.platform.kafka.KafkaClients;
import io.kabar.platform.kafka.TopicMirror;
import io.kabar.schemas.RelatedLink;
import io.kabar.schemas.RelatedLinks;
import io.kabar.schemas.TrendingArticle;
import io.kabar.schemas.TrendingRanking;
import io.kabar.schemas.topics.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Fills the lists from {@code news.related-links} and {@code news.trending}, read like {@code news.articles}: the
 * whole topic into memory, the site not ready until it has caught up. The Avro contracts stop here.
 */
@Configuration(proxyBeanMethods = false)
class ListsConfiguration {

    @Bean
    MirroredLists mirroredLists() {
        return new MirroredLists();
    }

    @Bean
    TopicMirror<RelatedLinks> relatedLinksMirror(KafkaClients clients, MirroredLists lists) {
        return clients.mirror(
                Topics.RELATED_LINKS,
                (id, list) -> lists.relatedChanged(
                        id,
                        list == null
                                ? null
                                : list.getLinks().stream()
                                        .map(RelatedLink::getArticleId)
                                        .toList()));
    }

    @Bean
    TopicMirror<TrendingRanking> trendingMirror(KafkaClients clients, MirroredLists lists) {
        return clients.mirror(
                Topics.TRENDING,
                (key, ranking) -> lists.rankingChanged(
                        key,
                        ranking == null ? null : ranking.getWindow(),
                        ranking == null ? null : ranking.getCategory(),
                        ranking == null
                                ? null
                                : ranking.getArticles().stream()
                                        .map(TrendingArticle::getArticleId)
                                        .toList()));
    }
}
