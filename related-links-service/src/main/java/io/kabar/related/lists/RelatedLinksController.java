package io.kabar.related.lists;

import io.kabar.platform.web.ApiProblem;
import io.kabar.related.RelatedLinksProperties;
import io.kabar.related.ranking.RankingSettings;
import io.kabar.related.ranking.RelatedLink;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves an article's published "Baca Juga" list from this instance's view of {@code news.related-links}, so any
 * instance answers; an article without a list (unknown, unpublished or not computed yet) answers 404.
 */
@RestController
class RelatedLinksController {

    private final PublishedLists lists;
    private final RelatedLinksProperties properties;

    RelatedLinksController(PublishedLists lists, RelatedLinksProperties properties) {
        this.lists = lists;
        this.properties = properties;
    }

    /** The answer: the first {@code limit} links of the stored list, best first. */
    record Related(String articleId, Instant computedAt, List<Link> links) {}

    record Link(String articleId, String title, String url, double score) {
        static Link of(RelatedLink link) {
            return new Link(link.id(), link.title(), link.url(), link.score());
        }
    }

    @GetMapping("/api/articles/{id}/related")
    Related related(
            @PathVariable String id,
            @RequestParam(required = false) @Min(1) @Max(RankingSettings.MAX_LIMIT) Integer limit) {
        LinkList list = lists.find(id)
                .orElseThrow(() -> ApiProblem.notFound("No related links are published for the article " + id + "."));
        int size = limit == null ? properties.defaultLimit() : limit;
        return new Related(
                list.articleId(),
                list.computedAt(),
                list.links().stream().limit(size).map(Link::of).toList());
    }
}
