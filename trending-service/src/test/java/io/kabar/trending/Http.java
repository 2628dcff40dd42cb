package io.kabar.trending;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.util.Map;
import java.util.function.Consumer;

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
    }

    Answer get(String path) {
        return exchange(client.get().uri(path));
    }

    Answer post(String path, Object json, Consumer<HttpHeaders> headers) {
        return exchange(client.post().uri(path).contentType(MediaType.APPLICATION_JSON).headers(headers).body(json));
    }

    Answer put(String path, Object json, Consumer<HttpHeaders> headers) {
        return exchange(client.put().uri(path).contentType(MediaType.APPLICATION_JSON).headers(headers).body(json));
    }

    Answer delete(String path, Consumer<HttpHeaders> headers) {
        return exchange(client.delete().uri(path).headers(headers));
    }

    @SuppressWarnings("unchecked")
    private static Answer exchange(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange((req, res) -> {
            byte[] bytes = res.getBody().readAllBytes();
            Map<String, Object> body = bytes.length == 0 ? null
                    : new tools.jackson.databind.json.JsonMapper().readValue(bytes, Map.class);
            return new Answer(res.getStatusCode(), res.getHeaders(), body);
        });
    }
}
