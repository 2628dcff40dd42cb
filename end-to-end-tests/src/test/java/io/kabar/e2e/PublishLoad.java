package io.kabar.e2e;

import io.kabar.testing.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * A closed-loop publish load on article-service: a few newsroom clients publish numbered articles, each with its own
 * Idempotency-Key, and retry a request that was not acknowledged (503, connection refused) with the same key, as a
 * careful client would, until it is acknowledged or the load's deadline passes.
 */
final class PublishLoad {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration DEADLINE = Duration.ofMinutes(10);

    private final URI endpoint;
    private final String category;
    private final int articles;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** Acknowledged articles: request number to article id. */
    private final Map<Integer, String> acknowledged = new ConcurrentHashMap<>();

    private final AtomicInteger next = new AtomicInteger();
    /** Answers other than 201 by status; -1 counts requests that got no answer (connection refused or reset). */
    private final Map<Integer, AtomicInteger> refused = new ConcurrentHashMap<>();

    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
    private List<Future<?>> running = List.of();

    PublishLoad(int port, String category, int articles) {
        this.endpoint = URI.create("http://127.0.0.1:" + port + "/api/articles");
        this.category = category;
        this.articles = articles;
    }

    /** Starts {@code concurrency} clients that share the numbered requests. */
    PublishLoad start(int concurrency) {
        running = IntStream.range(0, concurrency)
                .<Future<?>>mapToObj(c -> clients.submit(this::publishUntilDone))
                .toList();
        return this;
    }

    /** Waits for every client to finish. */
    void awaitDone() throws Exception {
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();
    }

    Map<Integer, String> acknowledged() {
        return acknowledged;
    }

    /** The answers that were not 201, by status; -1 for requests that got no answer at all. */
    Map<Integer, Integer> refused() {
        Map<Integer, Integer> counts = new TreeMap<>();
        refused.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    static String title(String category, int number) {
        return "Uji ketahanan " + category + " nomor " + number;
    }

    private Void publishUntilDone() throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        for (int number = next.getAndIncrement(); number < articles; number = next.getAndIncrement()) {
            String token = TestTokens.writer();
            while (Instant.now().isBefore(deadline)) {
                HttpResponse<String> response = publish(number, token);
                if (response != null && response.statusCode() == 201) {
                    acknowledged.put(number, (String)
                            JSON.readValue(response.body(), Map.class).get("id"));
                    break;
                }
                refused.computeIfAbsent(response == null ? -1 : response.statusCode(), s -> new AtomicInteger())
                        .incrementAndGet();
                Thread.sleep(200); // a client's back-off between retries, not a wait for the system under test
            }
        }
        return null;
    }

    /** One attempt: its answer, or null when there was none (the caller retries anything but 201 with the same key). */
    private HttpResponse<String> publish(int number, String token) {
        Map<String, Object> body = Map.of(
                "title",
                title(category, number),
                "body",
                "Artikel uji nomor " + number + " untuk pengujian ketahanan Kabar.\n\nParagraf kedua.",
                "category",
                category,
                "tags",
                List.of("ketahanan"),
                "author",
                "Redaksi Uji",
                "language",
                "id");
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", category + "-" + number)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
