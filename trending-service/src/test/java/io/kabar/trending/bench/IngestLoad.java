package io.kabar.trending.bench;

import io.kabar.trending.TrendingServiceApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A bounded local load on {@code POST /api/page-views}: a fixed pool of clients on 127.0.0.1, each sending one request
 * after the other for a fixed time, against the service running with its Streams app switched off so that only ingest
 * is measured.
 */
final class IngestLoad {

    private static final int CLIENTS = 32;

    private IngestLoad() {}

    static void run(String bootstrap, Duration duration) throws Exception {
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(TrendingServiceApplication.class)
                .run(
                        "--spring.kafka.bootstrap-servers=" + bootstrap,
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--spring.kafka.streams.auto-startup=false",
                        // All clients share 127.0.0.1: the per-client rate limit would measure itself.
                        "--kabar.limits.rates.page-views.requests=1000000000",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN")) {
            URI uri = URI.create("http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port")
                    + "/api/page-views");
            measure(uri, 1, Duration.ofSeconds(2));
            measure(uri, 1, duration);
            measure(uri, 50, duration);
        }
    }

    private static void measure(URI uri, int viewsPerRequest, Duration duration) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long deadline = System.nanoTime() + duration.toNanos();
        List<Future<List<Long>>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                while (System.nanoTime() < deadline) {
                    long start = System.nanoTime();
                    HttpResponse<Void> response = client.send(
                            HttpRequest.newBuilder(uri)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body(viewsPerRequest)))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() != 202) {
                        throw new IllegalStateException("answered " + response.statusCode());
                    }
                    latencies.add(System.nanoTime() - start);
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : clients) {
            all.addAll(f.get());
        }
        pool.shutdown();
        Collections.sort(all);
        double seconds = duration.toNanos() / 1e9;
        System.out.printf(
                "ingest, %d view(s) per request, %d clients, %.0f s: %,.0f requests/s, %,.0f views/s,"
                        + " p50 %.1f ms, p99 %.1f ms%n",
                viewsPerRequest,
                CLIENTS,
                seconds,
                all.size() / seconds,
                all.size() * viewsPerRequest / seconds,
                all.get(all.size() / 2) / 1e6,
                all.get((int) (all.size() * 0.99)) / 1e6);
    }

    private static String body(int views) {
        String now = Instant.now().toString();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String items = IntStream.range(0, views)
                .mapToObj(i -> String.format(
                        "{\"articleId\":\"a%d\",\"sessionId\":\"s%d\",\"viewedAt\":\"%s\"}",
                        random.nextInt(1000), random.nextInt(1_000_000), now))
                .collect(Collectors.joining(","));
        return views == 1 ? items : "[" + items + "]";
    }
}
