package io.kabar.platform.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** A request that cannot be served, answered as {@code application/problem+json} with its status and reason. */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<FieldError> errors;
    private final HttpHeaders headers;
    private final URI type;

    public ApiProblem(HttpStatus status, String title, String detail, List<FieldError> errors, HttpHeaders headers) {
        this(null, status, title, detail, errors, headers);
    }

    /** A problem of a documented {@code type} (a URI naming the kind of problem); null leaves {@code about:blank}. */
    public ApiProblem(
            URI type, HttpStatus status, String title, String detail, List<FieldError> errors, HttpHeaders headers) {
        super(detail);
        this.type = type;
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.headers = headers;
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "Not found", detail, List.of(), HttpHeaders.EMPTY);
    }

    public static ApiProblem invalid(String field, String reason) {
        return new ApiProblem(
                HttpStatus.BAD_REQUEST,
                "Invalid request",
                field + ": " + reason,
                List.of(new FieldError(field, reason)),
                HttpHeaders.EMPTY);
    }

    public static ApiProblem status(HttpStatus status, String title, String detail) {
        return new ApiProblem(status, title, detail, List.of(), HttpHeaders.EMPTY);
    }

    /** 503 with {@code Retry-After}: the service is fine but a dependency (the broker) is not, so try again later. */
    public static ApiProblem unavailable(String detail, Duration retryAfter) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())));
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", detail, List.of(), headers);
    }

    /** A problem of a kind named by a {@link ProblemTypes} URI, with no field errors or headers. */
    public static ApiProblem typed(HttpStatus status, URI type, String title, String detail) {
        return new ApiProblem(type, status, title, detail, List.of(), HttpHeaders.EMPTY);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** The problem type URI, or null for {@code about:blank}. */
    public URI type() {
        return type;
    }

    /** One invalid field (a JSON path such as {@code tags[2]}) or request parameter, and why. */
    public record FieldError(String field, String reason) {}
}
