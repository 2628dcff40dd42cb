package io.kabar.testing.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.IntFunction;

/** A bounded HTTP load on a local address: a fixed number of requests from a fixed number of callers. */
public final class HttpLoad {

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * Sends {@code requests} requests built by {@code request} (given the request's number) from {@code callers}
     * threads, each waiting for its answer; any status other than {@code expected} fails the run.
     */
    public Measurement run(String name, int requests, int callers, int expected, IntFunction<HttpRequest> request)
            throws Exception {
        return ClosedLoop.run(name, requests, callers, i -> {
            HttpResponse<String> response = client.send(request.apply(i), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(
                        "request " + i + " answered " + response.statusCode() + ": " + response.body());
            }
        });
    }

    /** A JSON POST to a local URL. */
    public static HttpRequest postJson(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }
}
