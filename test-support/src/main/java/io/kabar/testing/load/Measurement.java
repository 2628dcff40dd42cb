package io.kabar.testing.load;

import java.util.Arrays;
import java.util.Locale;

/** What one benchmark measured: operations per second and, where timed one by one, latency percentiles. */
public record Measurement(String name, int operations, double seconds, double p50Millis, double p99Millis) {

    /** A throughput-only measurement. */
    public static Measurement throughput(String name, int operations, long nanos) {
        return new Measurement(name, operations, nanos / 1e9, Double.NaN, Double.NaN);
    }

    /** A measurement with the latency of every operation, in nanoseconds. */
    public static Measurement latencies(String name, long[] latencyNanos, long totalNanos) {
        long[] sorted = latencyNanos.clone();
        Arrays.sort(sorted);
        return new Measurement(
                name, sorted.length, totalNanos / 1e9, percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    public double perSecond() {
        return operations / seconds;
    }

    /** One line of the report, with the throughput as a ratio to the raw baseline. */
    public String line(Measurement raw) {
        String latency = Double.isNaN(p50Millis)
                ? ""
                : String.format(Locale.ROOT, "  p50 %7.2f ms  p99 %7.2f ms", p50Millis, p99Millis);
        return String.format(
                Locale.ROOT,
                "%-58s %9.0f /s  %6.3f x raw%s",
                name,
                perSecond(),
                perSecond() / raw.perSecond(),
                latency);
    }
}
