package io.kabar.site.stories;

import io.kabar.platform.kafka.KafkaClients;
import io.kabar.platform.kafka.TopicMirror;
import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.ArticleEventType;
import io.kabar.schemas.topics.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Fills the shelf from {@code news.articles}, which the site reads like every other service and never writes; the
 * site is not ready until its mirror has caught up with the log.
 */
@Configuration(proxyBeanMethods = false)
class ShelfConfiguration {

    @Bean
    Shelf shelf() {
        return new Shelf();
    }

    @Bean
    TopicMirror<ArticleEvent> articlesMirror(KafkaClients clients, Shelf shelf) {
        return clients.mirror(Topics.ARTICLES, ShelfConfiguration::story, shelf::apply, shelf::remove);
    }

    /** The Avro contract mapped to the site's own record, at the Kafka edge only. */
    static Story story(ArticleEvent event) {
        io.kabar.schemas.Article a = event.getArticle();
        return new Story(
                a.getId(),
                a.getRevision(),
                a.getSlug(),
                a.getUrl(),
                a.getTitle(),
                a.getSummary(),
                a.getBody(),
                a.getLanguage(),
                a.getCategory(),
                a.getTags(),
                a.getAuthor(),
                a.getEditor(),
                a.getSource(),
                a.getImageUrl(),
                a.getPublishedAt(),
                a.getUpdatedAt(),
                a.getBreaking(),
                event.getEventType() != ArticleEventType.UNPUBLISHED);
    }
}
