package io.kabar.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A real local webhook subscriber that keeps every request it receives and answers 204, after a delay if asked. */
final class WebhookReceiver implements AutoCloseable {

    /** One request: the path it was sent to, its {@code webhook-id} and its body. */
    record Received(String path, String webhookId, String body) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(64);
    private final List<Received> received = new CopyOnWriteArrayList<>();

    WebhookReceiver() throws IOException {
        this(0);
    }

    WebhookReceiver(long delayMillis) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            received.add(new Received(
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("webhook-id"),
                    body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Received> received() {
        return received;
    }

    List<String> bodies() {
        return received.stream().map(Received::body).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
