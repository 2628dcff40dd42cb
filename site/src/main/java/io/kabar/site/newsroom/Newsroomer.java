package io.kabar.site.newsroom;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who is signed in to the console, read from their newsroom token's claims. The site does not check the signature:
 * it only shapes the console (editors see "breaking"); article-service verifies the token on every write.
 */
record Newsroomer(String token, String subject, boolean editor, Instant expires) {

    static final String BREAKING_SCOPE = "articles:breaking";
    static final String WRITE_SCOPE = "articles:write";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The person a token names, if it is a well-formed newsroom token with the write scope that has not expired. */
    static Optional<Newsroomer> of(String token, Instant now) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.strip().split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            Map<?, ?> claims = JSON.readValue(
                    new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8), Map.class);
            Instant expires = Instant.ofEpochSecond(((Number) claims.get("exp")).longValue());
            var scopes = Arrays.asList(String.valueOf(claims.get("scope")).split(" "));
            if (!expires.isAfter(now) || !scopes.contains(WRITE_SCOPE)) {
                return Optional.empty();
            }
            return Optional.of(new Newsroomer(
                    token.strip(), String.valueOf(claims.get("sub")), scopes.contains(BREAKING_SCOPE), expires));
        } catch (IllegalArgumentException | ClassCastException | NullPointerException | JacksonException e) {
            return Optional.empty();
        }
    }
}
