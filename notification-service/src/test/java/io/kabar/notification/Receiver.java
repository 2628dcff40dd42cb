package io.kabar.notification;

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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/** A real webhook receiver on 127.0.0.1: records every request per path and answers as told (200 by default). */
public final class Receiver implements AutoCloseable {

    /** One received request. */
    public record Request(String id, String timestamp, String signature, byte[] body, java.time.Instant at) {}

    private final HttpServer server;
    private final ExecutorService threads;
    private final long delayMillis;
    private final Map<String, IntUnaryOperator> answers = new ConcurrentHashMap<>();
    private final Map<String, List<Request>> received = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final AtomicInteger answering = new AtomicInteger();
    private final AtomicInteger mostAnswering = new AtomicInteger();

    /** A receiver on 127.0.0.1 answering after {@code delayMillis}, on {@code threads} threads. */
    public Receiver(long delayMillis, int threads) {
        this("127.0.0.1", delayMillis, Executors.newFixedThreadPool(threads));
    }

    /** A receiver on {@code address} (any 127.x.y.z on Linux) answering after {@code delayMillis} on virtual threads. */
    public static Receiver onVirtualThreads(String address, long delayMillis) {
        return new Receiver(address, delayMillis, Executors.newVirtualThreadPerTaskExecutor());
    }

    private Receiver(String address, long delayMillis, ExecutorService threads) {
        try {
            server = HttpServer.create(new InetSocketAddress(address, 0), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.delayMillis = delayMillis;
        this.threads = threads;
        server.setExecutor(this.threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public Receiver() {
        this(0, 8);
    }

    public String url(String path) {
        return "http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort() + path;
    }

    /** The most requests this receiver was answering at once. */
    public int mostAtOnce() {
        return mostAnswering.get();
    }

    /** Answers the n-th request (1-based) to {@code path} with {@code status.applyAsInt(n)}. */
    public void answer(String path, IntUnaryOperator status) {
        answers.put(path, status);
    }

    public List<Request> received(String path) {
        return received.getOrDefault(path, List.of());
    }

    /** When each request arrived, in no particular order. */
    public List<java.time.Instant> arrivals() {
        return received.values().stream().flatMap(List::stream).map(Request::at).toList();
    }

    /** When each path was first called, in no particular order. */
    public List<java.time.Instant> firstArrivals() {
        return received.values().stream().map(r -> r.get(0).at()).toList();
    }

    /** When each path starting with {@code prefix} was first called, in no particular order. */
    public List<java.time.Instant> firstArrivals(String prefix) {
        return received.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .map(e -> e.getValue().get(0).at())
                .toList();
    }

    /** How many paths were called at least once. */
    public int paths() {
        return received.size();
    }

    public int total() {
        return total.get();
    }

    /** How many requests went to paths starting with {@code prefix}, repeats included. */
    public int total(String prefix) {
        return received.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .mapToInt(e -> e.getValue().size())
                .sum();
    }

    /** Forgets what was received so far, for a measurement that starts after a warm-up. */
    public void forget() {
        received.clear();
        total.set(0);
        mostAnswering.set(answering.get());
    }

    private void handle(HttpExchange exchange) throws IOException {
        mostAnswering.accumulateAndGet(answering.incrementAndGet(), Math::max);
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            var headers = exchange.getRequestHeaders();
            List<Request> requests = received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>());
            total.incrementAndGet();
            requests.add(new Request(
                    headers.getFirst("webhook-id"),
                    headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"),
                    body,
                    java.time.Instant.now()));
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            int status = answers.getOrDefault(path, n -> 200).applyAsInt(requests.size());
            exchange.sendResponseHeaders(status, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            answering.decrementAndGet();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
