package io.kabar.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain JDK requests for tests of a service's public edge: CORS preflights and GETs that show every status. */
public final class EdgeRequests {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private EdgeRequests() {}

    public static URI url(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(url(port, path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A browser's CORS preflight from {@code origin} for {@code method}, asking for the given request headers. */
    public static HttpResponse<String> preflight(
            int port, String path, String origin, String method, String... requestHeaders)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(port, path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method);
        if (requestHeaders.length > 0) {
            request.header("Access-Control-Request-Headers", String.join(",", requestHeaders));
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
