package io.kabar.platform.web;

import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Answers every failed request as {@code application/problem+json}: bad input with 400 and one entry per bad field
 * in {@code errors} (named by {@link FieldErrors}), {@link ApiProblem}s with their own status, and anything unexpected
 * with a bare 500 (logged, never a stack trace on the wire).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    private static final URI ABOUT_BLANK = URI.create("about:blank");

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> apiProblem(ApiProblem problem) {
        ResponseEntity<Object> answer =
                problem(problem.status(), problem.title(), problem.getMessage(), problem.errors(), problem.headers());
        if (problem.type() != null && answer.getBody() instanceof ProblemDetail body) {
            body.setType(problem.type());
        }
        return answer;
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException exception) {
        return invalid(FieldErrors.of(exception));
    }

    /**
     * A request whose query string is not percent-encoded UTF-8 of {@code name=value} pairs, or whose multipart body
     * cannot be taken apart: Tomcat and Spring give up before any controller runs. The client's fault, so 400.
     */
    @ExceptionHandler({InvalidParameterException.class, MultipartException.class})
    ResponseEntity<Object> unreadableRequest(Exception exception) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "Malformed request",
                "The query string or the body's framing cannot be read: " + exception.getMessage(),
                List.of(),
                HttpHeaders.EMPTY);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception exception) {
        ApiProblem raised = cause(exception, ApiProblem.class);
        if (raised != null) {
            // Raised below the controller, such as by a request body that passed its size limit while being read.
            return apiProblem(raised);
        }
        log.error("request failed unexpectedly", exception);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error",
                "The request could not be completed.",
                List.of(),
                HttpHeaders.EMPTY);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(FieldErrors.of(exception.getBindingResult()));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException exception,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return invalid(FieldErrors.of(exception));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(FieldErrors.of(exception));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ApiProblem raised = cause(exception, ApiProblem.class);
        if (raised != null) {
            return apiProblem(raised);
        }
        JacksonException jackson = cause(exception, JacksonException.class);
        List<ApiProblem.FieldError> errors = jackson == null ? List.of() : FieldErrors.of(jackson);
        if (!errors.isEmpty()) {
            return invalid(errors);
        }
        return problem(
                HttpStatus.BAD_REQUEST,
                "Malformed request body",
                "The body must be well-formed JSON of the documented shape.",
                List.of(),
                HttpHeaders.EMPTY);
    }

    /** Spring MVC's own refusals (405, 415, an unknown path...) get a {@code type} too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            typed(problem);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static void typed(ProblemDetail problem) {
        if (problem.getType() == null || ABOUT_BLANK.equals(problem.getType())) {
            problem.setType(ProblemTypes.forStatus(problem.getStatus()));
        }
    }

    private static <T extends Throwable> T cause(Throwable exception, Class<T> type) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static ResponseEntity<Object> invalid(List<ApiProblem.FieldError> unsorted) {
        List<ApiProblem.FieldError> errors = unsorted.stream()
                .sorted(java.util.Comparator.comparing(ApiProblem.FieldError::field))
                .toList();
        String detail = errors.stream().map(e -> e.field() + ": " + e.reason()).collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", detail, errors, HttpHeaders.EMPTY);
    }

    private static ResponseEntity<Object> problem(
            HttpStatus status, String title, String detail, List<ApiProblem.FieldError> errors, HttpHeaders headers) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        typed(body);
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).headers(headers).body(body);
    }
}
