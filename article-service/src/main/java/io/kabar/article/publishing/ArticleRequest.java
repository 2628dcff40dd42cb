package io.kabar.article.publishing;

import io.kabar.article.catalog.AlertUrgency;
import io.kabar.article.catalog.Editorial;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/** The JSON body of a publish or replace request, validated field by field. */
record ArticleRequest(
        @NotBlank @Size(max = 300) String title,
        @NotBlank @MaxUtf8Bytes(MAX_BODY_BYTES) String body,
        @NotBlank @Size(max = 100) String category,
        @Size(max = 20) List<@NotBlank @Size(max = 60) String> tags,
        @NotBlank @Size(max = 120) String author,
        @Size(max = 120) String editor,
        @Size(max = 200) String source,
        @HttpUrl @Size(max = 2000) String imageUrl,
        @LanguageCode String language,
        @Size(max = 1000) String summary,
        @EpochMillis Instant publishedAt,
        Boolean breaking,
        @Size(max = Editorial.MAX_PINS) List<@NotBlank @Size(max = 100) String> relatedPins,
        Boolean excludeFromRelated,

        @Size(max = 80)
        @Pattern(
                regexp = STORY_PACKAGE,
                message = "must be lower-case letters and digits joined by single hyphens, such as pemilu-2029")
        String storyPackage,

        @Pattern(regexp = "normal|critical", message = "must be normal or critical")
        String alertUrgency) {

    /** Body limit: 200 KB of UTF-8. */
    static final int MAX_BODY_BYTES = 200 * 1024;

    /** A story package's name: a slug, so that one series is never two by spelling. */
    static final String STORY_PACKAGE = "([a-z0-9]+(-[a-z0-9]+)*)?";

    /**
     * The request as domain values: paragraphs split on blank lines, defaults filled in, the publication time cut to
     * the contract's millisecond precision, so that the answer shows what the event records.
     */
    ArticleDraft toDraft() {
        List<String> paragraphs = Arrays.stream(body.split("\\R\\s*\\R"))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
        return new ArticleDraft(
                title.strip(),
                blankToNull(summary),
                paragraphs,
                language == null ? "id" : language,
                category.strip(),
                tags == null
                        ? List.of()
                        : tags.stream().map(String::strip).distinct().toList(),
                author.strip(),
                blankToNull(editor),
                blankToNull(source),
                blankToNull(imageUrl),
                publishedAt == null ? null : publishedAt.truncatedTo(ChronoUnit.MILLIS),
                Boolean.TRUE.equals(breaking),
                new Editorial(
                        relatedPins == null
                                ? List.of()
                                : relatedPins.stream().map(String::strip).toList(),
                        Boolean.TRUE.equals(excludeFromRelated),
                        blankToNull(storyPackage)),
                "critical".equals(alertUrgency) ? AlertUrgency.CRITICAL : AlertUrgency.NORMAL);
    }

    /** What identifies this request for Idempotency-Key checks: its content, not its JSON spelling. */
    String fingerprint() {
        // The editorial fields count only when given, so a key first used before they existed still matches.
        String editorial = relatedPins == null && excludeFromRelated == null && storyPackage == null
                ? ""
                : String.join("\u0000", String.valueOf(relatedPins), String.valueOf(excludeFromRelated), storyPackage);
        return Fingerprints.sha256(String.join(
                        "\u0000",
                        String.valueOf(title),
                        String.valueOf(body),
                        String.valueOf(category),
                        String.valueOf(tags),
                        String.valueOf(author),
                        String.valueOf(editor),
                        String.valueOf(source),
                        String.valueOf(imageUrl),
                        String.valueOf(language),
                        String.valueOf(summary),
                        String.valueOf(publishedAt),
                        String.valueOf(breaking))
                .concat(editorial)
                // Only when given, so keys recorded before the field existed keep their fingerprints.
                .concat(alertUrgency == null ? "" : "\u0000" + alertUrgency)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
