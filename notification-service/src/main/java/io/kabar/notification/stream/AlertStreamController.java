package io.kabar.notification.stream;

import io.kabar.notification.alerts.Interests;
import io.kabar.platform.web.ApiProblem;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The live alert stream: server-sent events, filtered by category and tag, resumable with {@code Last-Event-ID}. */
@RestController
class AlertStreamController {

    private final AlertFeed feed;

    AlertStreamController(AlertFeed feed) {
        this.feed = feed;
    }

    @GetMapping(path = "/api/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(
            @RequestParam(defaultValue = "") List<String> categories,
            @RequestParam(defaultValue = "") List<String> tags,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId)
            throws IOException, InterruptedException {
        // No timeout: the stream lasts until the client leaves; heartbeats find the ones that left silently.
        SseEmitter emitter = new SseEmitter(0L);
        StreamClient client = new StreamClient(emitter, new Interests(nonBlank(categories), nonBlank(tags)));
        emitter.onCompletion(() -> feed.leave(client));
        emitter.onTimeout(() -> feed.leave(client));
        emitter.onError(e -> feed.leave(client));
        // Sent first so that the client sees the response start, and knows it is registered, before any alert.
        emitter.send(SseEmitter.event().comment("connected"));
        if (!feed.join(client, StreamPosition.parse(lastEventId))) {
            throw ApiProblem.unavailable("the alert feed is not following the broker yet", Duration.ofSeconds(5));
        }
        return emitter;
    }

    private static List<String> nonBlank(List<String> values) {
        return values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
