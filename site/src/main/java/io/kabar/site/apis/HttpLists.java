package io.kabar.site.apis;

import io.kabar.site.SiteProperties;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/** Reads the lists from the services' public APIs, each kept for {@code kabar.site.lists-fresh-for}. */
final class HttpLists implements Lists {

    private static final Logger log = LoggerFactory.getLogger(HttpLists.class);

    /** The answers' shapes, only the fields the site reads. */
    record Related(List<Link> links) {}

    record Link(String articleId) {}

    record Ranking(List<Link> articles) {}

    private final RestClient related;
    private final RestClient trending;
    private final FreshFor<List<String>> relatedLists;
    private final FreshFor<List<String>> rankings;

    HttpLists(RestClient.Builder builder, SiteProperties properties, Clock clock) {
        this.related = builder.clone().baseUrl(properties.relatedApi()).build();
        this.trending = builder.clone().baseUrl(properties.trendingApi()).build();
        this.relatedLists = new FreshFor<>(properties.listsFreshFor(), clock, 10_000);
        this.rankings = new FreshFor<>(properties.listsFreshFor(), clock, 1_000);
    }

    @Override
    public List<String> related(String articleId) {
        return relatedLists.get(articleId, this::fetchRelated, List.of());
    }

    @Override
    public List<String> ranking(String window, String category) {
        return rankings.get(
                window + "\u0000" + (category == null ? "" : category),
                key -> fetchRanking(window, category),
                List.of());
    }

    private Optional<List<String>> fetchRelated(String articleId) {
        try {
            Related answer = related.get()
                    .uri("/api/articles/{id}/related?limit=10", articleId)
                    .retrieve()
                    .body(Related.class);
            return Optional.of(ids(answer == null ? null : answer.links()));
        } catch (RestClientResponseException e) {
            // 404: no list computed yet, which is an empty list, not a failure.
            return e.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND) ? Optional.of(List.of()) : failed("related", e);
        } catch (RestClientException e) {
            return failed("related", e);
        }
    }

    private Optional<List<String>> fetchRanking(String window, String category) {
        try {
            Ranking answer = trending.get()
                    .uri(b -> b.path("/api/trending")
                            .queryParam("window", window)
                            .queryParamIfPresent("category", Optional.ofNullable(category))
                            .queryParam("limit", 10)
                            .build())
                    .retrieve()
                    .body(Ranking.class);
            return Optional.of(ids(answer == null ? null : answer.articles()));
        } catch (RestClientException e) {
            return failed("trending", e);
        }
    }

    private static List<String> ids(List<Link> links) {
        return links == null ? List.of() : links.stream().map(Link::articleId).toList();
    }

    private static Optional<List<String>> failed(String service, RestClientException e) {
        log.debug("{} list unavailable: {}", service, e.toString());
        return Optional.empty();
    }
}
