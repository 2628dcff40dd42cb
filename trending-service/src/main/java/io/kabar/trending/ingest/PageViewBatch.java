package io.kabar.trending.ingest;

import io.kabar.platform.web.ApiProblem;
import io.kabar.platform.web.ApiProblem.FieldError;
import io.kabar.schemas.PageView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The body of an ingest request: one view as a JSON object, or up to {@value #MAX_VIEWS} as an array, whose fields are
 * then named by index ({@code [3].sessionId}).
 */
@JsonDeserialize(using = PageViewBatch.Reader.class)
record PageViewBatch(List<PageViewRequest> views, boolean array) {

    /** Bounds the work and the wait of one request; larger loads are sent as several. */
    static final int MAX_VIEWS = 500;

    /** The views as events, or an {@link ApiProblem} naming every invalid field. */
    List<PageView> toEvents(Instant now, Duration maxAge, Duration maxSkew, String client) {
        if (views.size() > MAX_VIEWS) {
            throw ApiProblem.invalid("body", "must hold at most " + MAX_VIEWS + " page views, got " + views.size());
        }
        List<FieldError> errors = new ArrayList<>();
        List<PageView> events = new ArrayList<>(views.size());
        for (int i = 0; i < views.size(); i++) {
            String prefix = array ? "[" + i + "]." : "";
            PageViewRequest view = views.get(i);
            if (view == null) {
                errors.add(new FieldError(array ? "[" + i + "]" : "body", "must be a page view object"));
            } else {
                events.add(view.toEvent(prefix, now, maxAge, maxSkew, client, errors));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field));
            String detail =
                    errors.stream().map(e -> e.field() + ": " + e.reason()).collect(Collectors.joining("; "));
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", detail, errors, HttpHeaders.EMPTY);
        }
        return events;
    }

    /** Reads an object or an array; Jackson names the index of a malformed element in its error path. */
    static final class Reader extends ValueDeserializer<PageViewBatch> {

        @Override
        public PageViewBatch deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.isExpectedStartArrayToken()) {
                List<PageViewRequest> views = context.readValue(
                        parser, context.getTypeFactory().constructCollectionType(List.class, PageViewRequest.class));
                return new PageViewBatch(views, true);
            }
            return new PageViewBatch(List.of(context.readValue(parser, PageViewRequest.class)), false);
        }
    }
}
