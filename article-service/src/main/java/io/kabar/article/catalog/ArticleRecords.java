package io.kabar.article.catalog;

import io.kabar.schemas.ArticleEvent;
import io.kabar.schemas.ArticleEventType;
import java.time.Instant;
import java.util.UUID;

/** Maps between the Avro contract and the domain {@link Article}, at the Kafka edge only. */
public final class ArticleRecords {

    private ArticleRecords() {}

    public static Article fromEvent(ArticleEvent event) {
        Article.Status status = event.getEventType() == ArticleEventType.UNPUBLISHED
                ? Article.Status.UNPUBLISHED
                : Article.Status.PUBLISHED;
        return fromAvro(event.getArticle(), status);
    }

    public static Article fromAvro(io.kabar.schemas.Article a, Article.Status status) {
        return new Article(
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
                new Editorial(a.getRelatedPins(), a.getExcludeFromRelated(), a.getStoryPackage()),
                status,
                AlertUrgency.valueOf(a.getAlertUrgency().name()));
    }

    public static io.kabar.schemas.Article toAvro(Article a) {
        return io.kabar.schemas.Article.newBuilder()
                .setId(a.id())
                .setRevision(a.revision())
                .setSlug(a.slug())
                .setUrl(a.url())
                .setTitle(a.title())
                .setSummary(a.summary())
                .setBody(a.paragraphs())
                .setLanguage(a.language())
                .setCategory(a.category())
                .setTags(a.tags())
                .setAuthor(a.author())
                .setEditor(a.editor())
                .setSource(a.source())
                .setImageUrl(a.imageUrl())
                .setPublishedAt(a.publishedAt())
                .setUpdatedAt(a.updatedAt())
                .setBreaking(a.breaking())
                .setRelatedPins(a.editorial().relatedPins())
                .setExcludeFromRelated(a.editorial().excludeFromRelated())
                .setStoryPackage(a.editorial().storyPackage())
                .setAlertUrgency(
                        io.kabar.schemas.AlertUrgency.valueOf(a.alertUrgency().name()))
                .build();
    }

    public static ArticleEvent toEvent(Article article, ArticleEventType type, Instant occurredAt, String changedBy) {
        return ArticleEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setEventType(type)
                .setOccurredAt(occurredAt)
                .setArticle(toAvro(article))
                .setChangedBy(changedBy)
                .build();
    }
}
