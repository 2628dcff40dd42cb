package io.kabar.related;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.Map;

/** A small HTTP client for the tests that answers every status instead of throwing on 4xx and 5xx. */
final class Http {

    private final RestClient client;

    Http(int port) {
        this.client = RestClient.builder().baseUrl("http://127.0.0.1:" + port).build();
    }

    /** One answer: status, headers and the JSON body as a map (null when empty). */
    record Answer(HttpStatusCode status, HttpHeaders headers, Map<String, Object> body) {
        Object get(String field) {
            return body.get(field);
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> links() {
            return (List<Map<String, Object>>) body.get("links");
        }

        List<Object> linkedIds() {
            return links().stream().map(l -> l.get("articleId")).toList();
        }
    }

    @SuppressWarnings("unchecked")
    Answer get(String path) {
        return client.get().uri(path).exchange((req, res) -> {
            byte[] bytes = res.getBody().readAllBytes();
            Map<String, Object> body = bytes.length == 0 ? null
                    : new tools.jackson.databind.json.JsonMapper().readValue(bytes, Map.class);
            return new Answer(res.getStatusCode(), res.getHeaders(), body);
        });
    }
}
