package io.kabar.platform.web;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/** The {@code type} URIs of the problems Kabar answers, so that clients can tell one kind of refusal from another. */
public final class ProblemTypes {

    private static final String BASE = "https://kabar.example/problems/";

    public static final URI TOO_MANY_REQUESTS = URI.create(BASE + "too-many-requests");
    public static final URI TOO_MANY_STREAMS = URI.create(BASE + "too-many-streams");
    public static final URI STREAMS_EXHAUSTED = URI.create(BASE + "streams-exhausted");
    public static final URI BODY_TOO_LARGE = URI.create(BASE + "body-too-large");
    public static final URI CROSS_ORIGIN_REFUSED = URI.create(BASE + "cross-origin-refused");
    public static final URI UNSUPPORTED_MEDIA_TYPE = URI.create(BASE + "unsupported-media-type");

    private ProblemTypes() {}

    /**
     * The type of a problem that has no more specific one: its status' reason, such as
     * {@code https://kabar.example/problems/precondition-failed}, so that no problem goes out as {@code about:blank}.
     */
    public static URI forStatus(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        String reason = known == null ? "status-" + status : known.getReasonPhrase();
        return URI.create(BASE + reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
    }
}
