package io.kabar.site.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders the seed article's page at a fixed rate against the running local stack ({@code ./kabar up --demo}) and
 * reports latency percentiles and the page's size. Open loop: each request's latency counts from the moment it was
 * due, so a stall delays and counts every request behind it (no coordinated omission).
 *
 * <p>Arguments: the site's address (default {@code http://127.0.0.1:8080}) and article-service's (default
 * {@code http://127.0.0.1:8081}); {@code -Dbench.rate} requests per second (200), {@code -Dbench.seconds} (60).
 */
public final class SiteBenchmark {

    private static final int RATE = Integer.getInteger("bench.rate", 200);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 60);
    private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmup", 15);
    private static final String SEED_TITLE = "Pertemuan Vladimir Putin dan Kim Jong-Un";

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private SiteBenchmark() {}

    public static void main(String[] args) throws Exception {
        String site = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        String articles = args.length > 1 ? args[1] : "http://127.0.0.1:8081";
        URI page = URI.create(site + "/" + seedSlug(articles));
        HttpResponse<byte[]> sample =
                CLIENT.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (sample.statusCode() != 200) {
            throw new IllegalStateException(page + " answered " + sample.statusCode());
        }
        System.out.printf(
                "Article page %s: %d bytes of HTML, %d bytes gzip-compressed (as sent to browsers that accept it)%n",
                page, sample.body().length, gzipped(sample.body()));

        run(page, WARM_UP_SECONDS, new ConcurrentHashMap<>());
        Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        long[] latencies = run(page, SECONDS, failures);
        Arrays.sort(latencies);
        System.out.printf(
                Locale.ROOT,
                "GET article page at %d/s for %d s (%d requests): p50 %.2f ms  p99 %.2f ms  p99.9 %.2f ms  max %.2f ms;"
                        + " failed: %s%n",
                RATE,
                SECONDS,
                latencies.length,
                pct(latencies, 0.50),
                pct(latencies, 0.99),
                pct(latencies, 0.999),
                latencies[latencies.length - 1] / 1e6,
                failures.isEmpty() ? "none" : failures);
    }

    /**
     * Sends {@code RATE} requests a second for {@code seconds}; answers each one's latency from its due time and
     * counts the failed ones by status or exception (a failed request's latency counts too, up to its timeout).
     */
    private static long[] run(URI page, int seconds, Map<String, AtomicInteger> failures) throws InterruptedException {
        int total = RATE * seconds;
        long period = 1_000_000_000L / RATE;
        long[] latencies = new long[total];
        CountDownLatch done = new CountDownLatch(total);
        HttpRequest request =
                HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(10)).build();
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int n = i;
            Thread.startVirtualThread(() -> {
                try {
                    HttpResponse<Void> response = CLIENT.send(request, HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() != 200) {
                        count(failures, "HTTP " + response.statusCode());
                    }
                } catch (IOException | InterruptedException e) {
                    count(failures, e.getClass().getSimpleName());
                } finally {
                    latencies[n] = System.nanoTime() - due;
                    done.countDown();
                }
            });
        }
        done.await();
        return latencies;
    }

    private static void count(Map<String, AtomicInteger> failures, String kind) {
        failures.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    }

    /** The seed article's slug, or the newest article's when the seed was not published. */
    @SuppressWarnings("unchecked")
    private static String seedSlug(String articles) throws IOException, InterruptedException {
        String json = CLIENT.send(
                        HttpRequest.newBuilder(URI.create(articles + "/api/articles?limit=100"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        List<Map<String, Object>> list = (List<Map<String, Object>>)
                JsonMapper.builder().build().readValue(json, Map.class).get("articles");
        return list.stream()
                .filter(a -> String.valueOf(a.get("title")).startsWith(SEED_TITLE))
                .findFirst()
                .or(() -> list.stream().findFirst())
                .map(a -> (String) a.get("slug"))
                .orElseThrow(() -> new IllegalStateException(
                        "no article to render: start the stack with ./kabar up --demo first"));
    }

    private static long gzipped(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        }
        return out.size();
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
