package io.kabar.testing;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests that answers every status instead of throwing on 4xx and 5xx. */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Consumer<HttpHeaders> NO_HEADERS = h -> {};

    private final RestClient client;

    public Http(int port) {
        this(RestClient.builder().baseUrl("http://127.0.0.1:" + port).build());
    }

    private Http(RestClient client) {
        this.client = client;
    }

    /** A client for the same service that sends {@code Authorization: Bearer <token>} with every request. */
    public Http bearer(String token) {
        return new Http(client.mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .build());
    }

    /** One answer: status, headers and the JSON body (a map, or a list under the key "items"; null when empty). */
    public record Answer(HttpStatusCode status, HttpHeaders headers, Map<String, Object> body) {

        public Object get(String field) {
            return body.get(field);
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> list(String field) {
            return (List<Map<String, Object>>) body.get(field);
        }

        /** One field of every element of a list field, such as the ids of {@code links}. */
        public List<Object> pluck(String listField, String field) {
            return list(listField).stream().map(element -> element.get(field)).toList();
        }

        /** The fields named by a 400 problem's {@code errors}. */
        public List<String> invalidFields() {
            return list("errors").stream().map(e -> (String) e.get("field")).toList();
        }
    }

    public Answer get(String path) {
        return get(path, NO_HEADERS);
    }

    public Answer get(String path, Consumer<HttpHeaders> headers) {
        return exchange(client.get().uri(path).headers(headers));
    }

    public Answer post(String path, Object json) {
        return post(path, json, NO_HEADERS);
    }

    public Answer post(String path, Object json, Consumer<HttpHeaders> headers) {
        return exchange(client.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers)
                .body(json));
    }

    public Answer put(String path, Object json, Consumer<HttpHeaders> headers) {
        return exchange(client.put()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers)
                .body(json));
    }

    public Answer delete(String path) {
        return delete(path, NO_HEADERS);
    }

    public Answer delete(String path, Consumer<HttpHeaders> headers) {
        return exchange(client.delete().uri(path).headers(headers));
    }

    /** The raw text of a GET, for non-JSON endpoints such as Prometheus. */
    public String text(String path) {
        return client.get().uri(path).retrieve().body(String.class);
    }

    @SuppressWarnings("unchecked")
    private static Answer exchange(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange((req, res) -> {
            byte[] bytes = res.getBody().readAllBytes();
            Map<String, Object> body = null;
            if (bytes.length > 0) {
                Object json = JSON.readValue(bytes, Object.class);
                body = json instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of("items", json);
            }
            return new Answer(res.getStatusCode(), res.getHeaders(), body);
        });
    }
}
