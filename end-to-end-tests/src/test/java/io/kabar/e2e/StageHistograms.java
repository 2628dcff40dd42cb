package io.kabar.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cumulative histogram buckets of a service's timers as its Prometheus endpoint shows them at one moment; the
 * difference of two snapshots is the distribution of what was timed in between (a burst), whatever came before.
 */
final class StageHistograms {

    /**
     * Service arguments that give every {@code kabar.related.*} timer cumulative buckets up to 10 minutes, so that
     * {@link #between} can take percentiles of any stretch of a run.
     */
    static final String[] SERVICE_ARGUMENTS = {
        "--management.metrics.distribution.percentiles-histogram.kabar.related=true",
        "--management.metrics.distribution.maximum-expected-value.kabar.related=600s"
    };

    private static final Pattern BUCKET = Pattern.compile("^(\\w+)_bucket\\{(.*?),?le=\"([^\"]+)\",?(.*?)\\} (\\S+)$");

    /** Series (metric name and tags but le) -> upper bound in seconds -> cumulative count. */
    private final Map<String, TreeMap<Double, Double>> buckets;

    private StageHistograms(Map<String, TreeMap<Double, Double>> buckets) {
        this.buckets = buckets;
    }

    static StageHistograms scrape(int managementPort) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus"))
                .build();
        String text = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString())
                .body();
        Map<String, TreeMap<Double, Double>> buckets = new HashMap<>();
        for (String line : text.split("\n")) {
            Matcher m = BUCKET.matcher(line);
            if (m.matches()) {
                String series = m.group(1) + "{" + m.group(2) + m.group(4) + "}";
                double le = m.group(3).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(3));
                buckets.computeIfAbsent(series, s -> new TreeMap<>()).put(le, Double.parseDouble(m.group(5)));
            }
        }
        return new StageHistograms(buckets);
    }

    /** What one timer (a series whose name and tags contain every given part) counted between two snapshots. */
    static Stage between(StageHistograms before, StageHistograms after, String... parts) {
        String series = after.buckets.keySet().stream()
                .filter(s -> Arrays.stream(parts).allMatch(s::contains))
                .findFirst()
                .orElse(null);
        if (series == null) {
            return new Stage(new TreeMap<>());
        }
        TreeMap<Double, Double> diff = new TreeMap<>();
        TreeMap<Double, Double> earlier = before.buckets.getOrDefault(series, new TreeMap<>());
        after.buckets.get(series).forEach((le, count) -> diff.put(le, count - earlier.getOrDefault(le, 0.0)));
        return new Stage(diff);
    }

    /** A distribution as cumulative buckets (upper bound in seconds -> count). */
    record Stage(TreeMap<Double, Double> cumulative) {

        long count() {
            return cumulative.isEmpty() ? 0 : Math.round(cumulative.lastEntry().getValue());
        }

        /** The upper bound of the bucket holding the quantile, in milliseconds (-1 when nothing was counted). */
        long quantileMillis(double q) {
            long count = count();
            if (count == 0) {
                return -1;
            }
            for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
                if (bucket.getValue() >= q * count) {
                    return bucket.getKey().isInfinite() ? Long.MAX_VALUE : Math.round(bucket.getKey() * 1000);
                }
            }
            return Long.MAX_VALUE;
        }
    }
}
