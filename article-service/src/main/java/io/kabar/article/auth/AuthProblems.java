package io.kabar.article.auth;

import io.kabar.platform.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Answers requests that Spring Security turns away (401 without a valid token, 403 without {@code articles:write})
 * as {@code application/problem+json}, rendered by the same advice as every other problem of the service.
 */
final class AuthProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    private final HandlerExceptionResolver problems;

    AuthProblems(HandlerExceptionResolver problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) {
        // Spring's entry point writes the RFC 6750 challenge (error="invalid_token" when a token was sent).
        challenge.commence(request, response, exception);
        String detail = exception instanceof OAuth2AuthenticationException invalid
                ? "The bearer token was refused: " + describe(invalid) + "."
                : "Send Authorization: Bearer <token> with a newsroom token carrying the scope " + NewsroomScopes.WRITE
                        + ".";
        problems.resolveException(
                request,
                response,
                null,
                new ApiProblem(
                        NewsroomScopes.UNAUTHORIZED,
                        HttpStatus.UNAUTHORIZED,
                        "Unauthorized",
                        detail,
                        List.of(),
                        HttpHeaders.EMPTY));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception) {
        problems.resolveException(
                request, response, null, NewsroomScopes.missing(NewsroomScopes.WRITE, "Changing articles"));
    }

    private static String describe(OAuth2AuthenticationException invalid) {
        String description = invalid.getError().getDescription();
        return description == null ? invalid.getError().getErrorCode() : description;
    }
}
