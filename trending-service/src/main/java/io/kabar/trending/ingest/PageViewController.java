package io.kabar.trending.ingest;

import io.kabar.platform.web.ApiProblem;
import io.kabar.platform.web.ClientAddresses;
import io.kabar.schemas.PageView;
import io.kabar.trending.TrendingProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Takes in page views from readers' browsers. The answer is asynchronous: no request thread waits while the producer
 * batches and the broker acknowledges, which is what lets a few threads carry thousands of requests a second.
 */
@RestController
class PageViewController {

    private static final Logger log = LoggerFactory.getLogger(PageViewController.class);

    private final PageViewLog pageViews;
    private final TrendingProperties properties;
    private final Clock clock;
    private final ClientAddresses clients;

    PageViewController(PageViewLog pageViews, TrendingProperties properties, Clock clock, ClientAddresses clients) {
        this.pageViews = pageViews;
        this.properties = properties;
        this.clock = clock;
        this.clients = clients;
    }

    /**
     * 202 once the broker holds every view. A 503 may follow a partial write; a retry is safe because a session's
     * repeated views of an article within the dedupe interval count once. The client is the reader's address (from
     * {@code X-Forwarded-For} only behind a trusted proxy), not the proxy's, or one proxy would cap the whole site.
     */
    @PostMapping("/api/page-views")
    CompletableFuture<ResponseEntity<Map<String, Integer>>> ingest(
            @RequestBody PageViewBatch batch, HttpServletRequest request) {
        List<PageView> views = batch.toEvents(
                clock.instant(), properties.grace(), properties.maxClockSkew(), ClientHash.of(clients.of(request)));
        CompletableFuture<Void> acked;
        try {
            acked = pageViews.append(views);
        } catch (RuntimeException e) {
            // Metadata or buffer space did not come within max.block.ms: the broker is out of reach.
            throw unavailable(e);
        }
        return acked.orTimeout(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((done, failure) -> {
                    if (failure != null) {
                        throw unavailable(failure);
                    }
                    return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("accepted", views.size()));
                });
    }

    private ApiProblem unavailable(Throwable failure) {
        log.warn("page views not acknowledged: {}", failure.toString());
        return ApiProblem.unavailable("The page views could not be stored; try again later.", properties.retryAfter());
    }
}
