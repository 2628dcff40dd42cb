package io.kabar.notification.stream;

import io.kabar.notification.alerts.Interests;
import io.kabar.platform.web.ApiProblem;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The live alert stream: server-sent events, filtered by category and tag, resumable with {@code Last-Event-ID}. */
@RestController
class AlertStreamController {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final AlertFeed feed;
    private final StreamSettings settings;

    AlertStreamController(AlertFeed feed, StreamSettings settings) {
        this.feed = feed;
        this.settings = settings;
    }

    @GetMapping(path = "/api/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(
            @RequestParam(defaultValue = "") List<String> categories,
            @RequestParam(defaultValue = "") List<String> tags,
            @RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventId)
            throws IOException, InterruptedException {
        Optional<StreamPosition> resume = StreamPosition.parse(lastEventId);
        if (resume.isEmpty() && lastEventId != null && !lastEventId.isBlank()) {
            throw ApiProblem.invalid(LAST_EVENT_ID, "not an event id of this stream");
        }
        // No servlet timeout: the stream's writer ends it after the idle time, heartbeats find clients that left.
        SseEmitter emitter = new SseEmitter(0L);
        StreamClient client = new StreamClient(
                emitter,
                new Interests(nonBlank(categories), nonBlank(tags)),
                settings.buffer(),
                settings.idleTimeout(),
                settings.clock(),
                settings.dropped());
        emitter.onCompletion(() -> feed.leave(client));
        emitter.onTimeout(() -> feed.leave(client));
        emitter.onError(e -> feed.leave(client));
        // Sent first so that the client sees the response start, and knows it is registered, before any alert.
        emitter.send(SseEmitter.event().comment("connected"));
        try {
            if (!feed.join(client, resume)) {
                throw ApiProblem.unavailable("the alert feed is not following the broker yet", Duration.ofSeconds(5));
            }
        } catch (AlertFeed.Unreachable e) {
            throw ApiProblem.invalid(LAST_EVENT_ID, "not a position of this stream: " + e.getMessage());
        } catch (RejectedExecutionException full) {
            throw ApiProblem.unavailable("too many streams are catching up; try again shortly", settings.retryAfter());
        }
        return emitter;
    }

    private static List<String> nonBlank(List<String> values) {
        return values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
