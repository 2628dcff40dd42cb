package io.kabar.article.auth;

import io.kabar.platform.web.ApiProblem;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The newsroom's two roles, as token scopes, and the problems that answer a caller without one. */
public final class NewsroomScopes {

    /** May publish, edit and unpublish articles. */
    public static final String WRITE = "articles:write";

    /** May mark an article breaking, which alerts every subscriber: editors only. */
    public static final String BREAKING = "articles:breaking";

    /** The problem type of a request without a valid bearer token. */
    public static final URI UNAUTHORIZED = URI.create("https://kabar.example/problems/unauthorized");

    /** The problem type of a valid token that lacks a scope the request needs. */
    public static final URI INSUFFICIENT_SCOPE = URI.create("https://kabar.example/problems/insufficient-scope");

    private NewsroomScopes() {}

    /** The Spring Security authority a token with {@code scope} carries. */
    public static String authority(String scope) {
        return "SCOPE_" + scope;
    }

    /**
     * 403 naming the missing scope, with the RFC 6750 {@code WWW-Authenticate} challenge that says which scope
     * would do.
     */
    public static ApiProblem missing(String scope, String needed) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(
                HttpHeaders.WWW_AUTHENTICATE,
                "Bearer error=\"insufficient_scope\", error_description=\"The token lacks the scope " + scope
                        + "\", scope=\"" + scope + "\"");
        return new ApiProblem(
                INSUFFICIENT_SCOPE,
                HttpStatus.FORBIDDEN,
                "Insufficient scope",
                needed + " needs the scope " + scope + ", which this token does not carry.",
                List.of(),
                headers);
    }
}
