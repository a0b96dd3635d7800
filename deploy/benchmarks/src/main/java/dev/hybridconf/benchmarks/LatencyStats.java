package dev.hybridconf.benchmarks;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Latencies and outcomes of a run: throughput, percentiles (nearest rank) and errors by status. */
record LatencyStats(int requests, long wallNanos, double throughputPerSecond, double p50Millis, double p90Millis,
        double p99Millis, double maxMillis, int errors, Map<Integer, Integer> statuses) {

    static LatencyStats of(long[] latencyNanos, int[] statuses, long wallNanos) {
        long[] sorted = latencyNanos.clone();
        Arrays.sort(sorted);
        Map<Integer, Integer> byStatus = new TreeMap<>();
        int errors = 0;
        for (int status : statuses) {
            byStatus.merge(status, 1, Integer::sum);
            if (status != 200) {
                errors++;
            }
        }
        int n = sorted.length;
        return new LatencyStats(n, wallNanos, n == 0 ? 0 : n / (wallNanos / 1e9), millis(percentile(sorted, 50)),
                millis(percentile(sorted, 90)), millis(percentile(sorted, 99)),
                millis(n == 0 ? 0 : sorted[n - 1]), errors, byStatus);
    }

    /** The nearest-rank percentile of sorted values: the smallest value with at least p% of values at or below it. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
