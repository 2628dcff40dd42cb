package io.kabar.article;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * article-service settings, each overridable by environment variable (for example {@code KABAR_ARTICLES_BASE_URL}).
 *
 * @param baseUrl        the reader site's address; canonical article URLs are {@code baseUrl/slug}
 * @param publishTimeout how long a write waits for the broker before it answers 503
 * @param retryAfter     what a 503 asks the client to wait before retrying
 * @param confirmGrace   how much longer than the publish timeout a write waits for its outcome, which the owner of
 *                       its partition writes only while the publish timeout lasts
 * @param catchUpTimeout how long a starting instance waits to join the writers' group, and the owner of a partition
 *                       for its read model to catch up with the log
 * @param defaultLimit   list size when the request names none
 * @param maxLimit       the largest list size a request may ask for
 */
@Validated
@ConfigurationProperties("kabar.articles")
public record ArticleServiceProperties(
        @DefaultValue("https://kabar.example") @NotBlank @Pattern(regexp = "https?://[^\\s]+[^/]")
        String baseUrl,

        @DefaultValue("5s") @NotNull Duration publishTimeout,
        @DefaultValue("5s") @NotNull Duration retryAfter,
        @DefaultValue("2s") @NotNull Duration confirmGrace,
        @DefaultValue("60s") @NotNull Duration catchUpTimeout,
        @DefaultValue("20") @Min(1) @Max(100) int defaultLimit,
        @DefaultValue("100") @Min(1) @Max(1000) int maxLimit) {}
