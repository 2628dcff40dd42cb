package io.kabar.site.newsroom;

import io.kabar.site.SiteProperties;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The console's way to article-service, the only writer of {@code news.articles}: reads an article with its
 * revision, and publishes, replaces and unpublishes with the signed-in person's token.
 */
@Component
class ArticleApi {

    /** What a write came to. */
    sealed interface Outcome {}

    record Saved(String id, long revision, String slug) implements Outcome {}

    /** 400: the API's problem detail, and its reasons by field. */
    record Invalid(String detail, Map<String, String> fields) implements Outcome {}

    /** 412: someone saved a newer revision since the form was opened. */
    record Stale() implements Outcome {}

    /** Anything else the API refused (401, 403, 404, 503 ...), with its reason. */
    record Refused(int status, String detail) implements Outcome {}

    /** An article as the API holds it now. */
    record Current(String id, long revision, String slug, ArticleForm form) {}

    private final RestClient client;

    ArticleApi(RestClient.Builder builder, SiteProperties site) {
        // A write answers once the broker has committed it, within article-service's publish timeout (5 s).
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build());
        factory.setReadTimeout(Duration.ofSeconds(15));
        this.client = builder.clone()
                .baseUrl(site.articlesApi())
                .requestFactory(factory)
                .build();
    }

    Optional<Current> get(String id) {
        return client.get().uri("/api/articles/{id}", id).exchange((request, response) -> {
            if (!response.getStatusCode().is2xxSuccessful()) {
                return Optional.empty();
            }
            Map<String, Object> article = json(response.bodyTo(Map.class));
            return Optional.of(new Current(
                    id,
                    ((Number) article.get("revision")).longValue(),
                    (String) article.get("slug"),
                    ArticleForm.of(article)));
        });
    }

    Outcome publish(Newsroomer who, ArticleForm form, String idempotencyKey) {
        return client.post()
                .uri("/api/articles")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + who.token())
                .header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON)
                .body(form.request())
                .exchange((request, response) -> outcome(response, null, 0));
    }

    Outcome replace(Newsroomer who, String id, long revision, ArticleForm form) {
        return client.put()
                .uri("/api/articles/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + who.token())
                .header(HttpHeaders.IF_MATCH, "\"" + revision + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(form.request())
                .exchange((request, response) -> outcome(response, id, revision));
    }

    Outcome unpublish(Newsroomer who, String id, long revision) {
        return client.delete()
                .uri("/api/articles/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + who.token())
                .header(HttpHeaders.IF_MATCH, "\"" + revision + "\"")
                .exchange((request, response) -> outcome(response, id, revision + 1));
    }

    private static Outcome outcome(
            RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse response, String id, long revision)
            throws IOException {
        HttpStatus status = HttpStatus.valueOf(response.getStatusCode().value());
        if (status == HttpStatus.NO_CONTENT) {
            return new Saved(id, revision, null);
        }
        Map<String, Object> body = json(response.bodyTo(Map.class));
        if (status.is2xxSuccessful()) {
            return new Saved(
                    (String) body.get("id"), ((Number) body.get("revision")).longValue(), (String) body.get("slug"));
        }
        String detail = String.valueOf(body.getOrDefault("detail", status.getReasonPhrase()));
        return switch (status) {
            case PRECONDITION_FAILED -> new Stale();
            case BAD_REQUEST, UNPROCESSABLE_CONTENT -> new Invalid(detail, fields(body.get("errors")));
            default -> new Refused(status.value(), detail);
        };
    }

    private static Map<String, String> fields(Object errors) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (errors instanceof List<?> list) {
            for (Object error : list) {
                if (error instanceof Map<?, ?> e) {
                    // tags[2] is a tag's own error; the form shows it next to the tags field.
                    String field = String.valueOf(e.get("field")).replaceAll("\\[.*$", "");
                    fields.merge(field, String.valueOf(e.get("reason")), (a, b) -> a + "; " + b);
                }
            }
        }
        return fields;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Map<?, ?> body) {
        return body == null ? Map.of() : (Map<String, Object>) body;
    }
}
