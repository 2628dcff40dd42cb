package io.kabar.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem from a servlet filter, which answers before Spring MVC (and so {@link ProblemAdvice}) sees the
 * request: the same {@code application/problem+json} shape, with a {@code type} URI.
 */
public final class FilterProblems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FilterProblems() {}

    /** Sets status and body; headers such as {@code Retry-After} are the caller's, set before this. */
    public static void write(HttpServletResponse response, HttpStatus status, URI type, String title, String detail)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type.toString());
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        byte[] body = JSON.writeValueAsBytes(problem);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
