package io.kabar.notification.webpush;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A push service for tests on 127.0.0.1: records every message per path and answers as told (201 by default). */
public final class PushService implements AutoCloseable {

    /** One message as the push service received it. */
    public record Message(Headers headers, byte[] body) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Integer> answers = new ConcurrentHashMap<>();
    private final Map<String, List<Message>> received = new ConcurrentHashMap<>();

    public PushService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The origin push requests are sent to: what a VAPID token's {@code aud} must name. */
    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String endpoint(String path) {
        return origin() + path;
    }

    public void answer(String path, int status) {
        answers.put(path, status);
    }

    public List<Message> received(String path) {
        return received.getOrDefault(path, List.of());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>())
                    .add(new Message(exchange.getRequestHeaders(), body));
            exchange.sendResponseHeaders(answers.getOrDefault(path, 201), -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
