package io.kabar.notification.delivery;

import io.kabar.notification.targets.TargetPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.IdleConnectionEvictor;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.entity.BasicAsyncEntityProducer;
import org.apache.hc.core5.http.nio.entity.DiscardingEntityConsumer;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.core5.http.nio.support.BasicResponseConsumer;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.http2.config.H2Config;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;

/**
 * Sends webhooks with Apache HttpClient 5's minimal asynchronous client: pooled keep-alive HTTP/1.1 connections
 * (never an h2c upgrade), each host in its own lane (bounded, with a circuit breaker), and every connection's addresses resolved through the
 * target policy, so the address connected to is the address checked. Only the status and {@code Retry-After} of an
 * answer matter, so its body is discarded as it arrives, and nothing asks for compressed answers.
 */
final class ApacheWebhookSender implements WebhookSender, DisposableBean {

    private final CloseableHttpAsyncClient client;
    private final IdleConnectionEvictor idle;
    private final HostLanes lanes;
    private final Timeouts timeouts;

    /**
     * {@code lanes} bound and guard each host; their in-flight bound is also the connection pool's per host. Each
     * connection and request takes the timeouts in force when it starts.
     */
    ApacheWebhookSender(TargetPolicy targets, HostLanes lanes, Timeouts timeouts, int maxPerHost) {
        this.lanes = lanes;
        this.timeouts = timeouts;
        PoolingAsyncClientConnectionManager connections = PoolingAsyncClientConnectionManagerBuilder.create()
                .setDnsResolver(new CheckingResolver(targets))
                .setMaxConnPerRoute(maxPerHost)
                // The lanes already bound each host's requests: a pool locked per host, not as a whole.
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                .setConnectionConfigResolver(route -> ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(timeouts.connect()))
                        .setSocketTimeout(Timeout.of(timeouts.request()))
                        .build())
                .build();
        // The minimal client: no redirects, retries, cookies, authentication or compression to step through per
        // request, none of which a webhook wants.
        this.client = HttpAsyncClients.createMinimal(
                HttpVersionPolicy.FORCE_HTTP_1,
                H2Config.DEFAULT,
                Http1Config.DEFAULT,
                IOReactorConfig.DEFAULT,
                connections);
        this.idle = new IdleConnectionEvictor(connections, TimeValue.ofSeconds(30));
        client.start();
        idle.start();
    }

    @Override
    public CompletableFuture<Response> send(Request request) {
        BasicHttpRequest http = new BasicHttpRequest(Method.POST, request.target());
        request.headers().forEach(http::setHeader);
        // As a header rather than the body's ContentType, which would be formatted again for every request.
        http.setHeader(HttpHeaders.CONTENT_TYPE, request.contentType());
        return lanes.submit(request.target().getHost() + ":" + request.target().getPort(), () -> {
            request.sending().run();
            // The timeout in force when it leaves, not when it joined its host's queue.
            HttpClientContext context = HttpClientContext.create();
            context.setRequestConfig(RequestConfig.custom()
                    .setResponseTimeout(Timeout.of(timeouts.request()))
                    .build());
            return execute(new BasicRequestProducer(http, new BasicAsyncEntityProducer(request.body(), null)), context);
        });
    }

    private CompletableFuture<Response> execute(AsyncRequestProducer request, HttpClientContext context) {
        CompletableFuture<Response> response = new CompletableFuture<>();
        Future<Message<HttpResponse, Void>> call = client.execute(
                request,
                new BasicResponseConsumer<>(new DiscardingEntityConsumer<>()),
                context,
                new FutureCallback<Message<HttpResponse, Void>>() {
                    @Override
                    public void completed(Message<HttpResponse, Void> result) {
                        Optional<String> retryAfter = Optional.ofNullable(
                                        result.getHead().getFirstHeader("Retry-After"))
                                .map(Header::getValue);
                        response.complete(new Response(result.getHead().getCode(), retryAfter));
                    }

                    @Override
                    public void failed(Exception failure) {
                        response.completeExceptionally(failure);
                    }

                    @Override
                    public void cancelled() {
                        response.cancel(false);
                    }
                });
        // Abandoned by its batch: stop waiting for the receiver and give the connection back.
        response.whenComplete((r, e) -> {
            if (response.isCancelled()) {
                call.cancel(true);
            }
        });
        return response;
    }

    /**
     * Runs after the listener containers have stopped, so nothing new is sent. Graceful: each I/O thread closes its own
     * connections and ends, where an immediate close closed the selectors under the running threads (which logged
     * {@code ClosedSelectorException} and {@code ConcurrentModificationException} at every shutdown). Requests still
     * out, which only a batch abandoned at its deadline can leave behind, get at most the I/O reactor's five seconds of
     * grace before their connections are closed anyway.
     */
    @Override
    public void destroy() {
        idle.shutdown();
        client.close(CloseMode.GRACEFUL);
    }

    /** Hands every resolution of a connection to the target policy, which refuses internal addresses. */
    private record CheckingResolver(TargetPolicy targets) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return targets.addressesToConnect(host);
        }

        @Override
        public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
            return Arrays.stream(resolve(host))
                    .map(a -> new InetSocketAddress(a, port))
                    .toList();
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }
}
