package io.kabar.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** A bounded HTTP load on a local address: a fixed number of requests from a fixed number of callers. */
public final class HttpLoad {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * Sends {@code requests} requests built by {@code request} (given the request's number) from {@code callers}
     * threads, each waiting for its answer; any status other than {@code expected} fails the run.
     */
    public Measurement run(String name, int requests, int callers, int expected, IntFunction<HttpRequest> request)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[requests];
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<?>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < callers; c++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    long begin = System.nanoTime();
                    HttpResponse<String> response = client.send(request.apply(i), HttpResponse.BodyHandlers.ofString());
                    latencies[i] = System.nanoTime() - begin;
                    if (response.statusCode() != expected) {
                        throw new IllegalStateException("request " + i + " answered " + response.statusCode() + ": " + response.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        long total = System.nanoTime() - start;
        pool.shutdown();
        return Measurement.latencies(name, latencies, total);
    }

    /** A JSON POST to a local URL. */
    public static HttpRequest postJson(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }
}
