package io.kabar.related.lists;

import io.kabar.related.ranking.RelatedLink;
import io.kabar.schemas.RelatedLinks;

/** Maps between the Avro {@link RelatedLinks} of {@code news.related-links} and {@link LinkList}, at the Kafka edge only. */
public final class LinkListRecords {

    /** The ranking this service computes lists with (RelatedLinks v2 {@code ranking}); bump it when ranking changes. */
    static final String RANKING = "lucene-like-query/3";

    private LinkListRecords() {}

    public static LinkList fromAvro(RelatedLinks avro) {
        return new LinkList(
                avro.getArticleId(),
                avro.getComputedAt(),
                avro.getSourceRevision(),
                avro.getLinks().stream()
                        .map(l -> new RelatedLink(l.getArticleId(), l.getTitle(), l.getUrl(), l.getScore()))
                        .toList());
    }

    public static RelatedLinks toAvro(LinkList list) {
        return RelatedLinks.newBuilder()
                .setArticleId(list.articleId())
                .setComputedAt(list.computedAt())
                .setSourceRevision(list.sourceRevision())
                .setRanking(RANKING)
                .setLinks(list.links().stream()
                        .map(l -> io.kabar.schemas.RelatedLink.newBuilder()
                                .setArticleId(l.id())
                                .setTitle(l.title())
                                .setUrl(l.url())
                                .setScore(l.score())
                                .build())
                        .toList())
                .build();
    }
}
