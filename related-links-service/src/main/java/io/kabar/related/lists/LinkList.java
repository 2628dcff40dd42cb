package io.kabar.related.lists;

import io.kabar.related.ranking.RelatedLink;
import java.time.Instant;
import java.util.List;

/**
 * The published "Baca Juga" list of one article, as read back from {@code news.related-links}.
 *
 * @param articleId      the article the list belongs to
 * @param computedAt     when it was computed
 * @param sourceRevision the revision of that article the list was computed for
 * @param links          best first
 */
public record LinkList(String articleId, Instant computedAt, long sourceRevision, List<RelatedLink> links) {

    public LinkList {
        links = List.copyOf(links);
    }
}
