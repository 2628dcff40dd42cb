package io.kabar.related.index;

import io.kabar.related.ranking.Story;
import io.kabar.schemas.Article;

/** Maps the Avro article of {@code news.articles} to the ranking's {@link Story} and its {@link EditorialControls}, at the Kafka edge only. */
public final class StoryRecords {

    private StoryRecords() {}

    public static Story fromAvro(Article a) {
        return new Story(
                a.getId(),
                a.getRevision(),
                a.getTitle(),
                a.getBody(),
                a.getCategory(),
                a.getTags(),
                a.getPublishedAt(),
                a.getUrl());
    }

    public static EditorialControls editorialOf(Article a) {
        return new EditorialControls(a.getRelatedPins(), a.getExcludeFromRelated(), a.getStoryPackage());
    }
}
