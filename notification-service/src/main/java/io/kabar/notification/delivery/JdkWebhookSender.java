package io.kabar.notification.delivery;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Sends webhooks with the JDK's asynchronous HTTP client, bounded per target host. */
final class JdkWebhookSender implements WebhookSender {

    private final HttpClient client;
    private final Duration requestTimeout;
    private final HostLimiter limiter;

    JdkWebhookSender(Duration connectTimeout, Duration requestTimeout, int maxPerHost) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.requestTimeout = requestTimeout;
        this.limiter = new HostLimiter(maxPerHost);
    }

    @Override
    public CompletableFuture<Response> send(Request request) {
        HttpRequest.Builder http = HttpRequest.newBuilder(request.target())
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(http::header);
        HttpRequest built = http.build();
        // The body is not needed; discarding it lets the connection go back to the pool at once.
        return limiter.submit(
                request.target().getHost() + ":" + request.target().getPort(),
                () -> client.sendAsync(built, HttpResponse.BodyHandlers.discarding())
                        .thenApply(r -> new Response(r.statusCode(), r.headers().firstValue("Retry-After"))));
    }
}
