package io.kabar.platform.web;

import java.net.URI;

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
}
