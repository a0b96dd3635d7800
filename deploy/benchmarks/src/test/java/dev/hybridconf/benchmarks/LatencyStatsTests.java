package dev.hybridconf.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The figures the join-storm benchmark writes are computed as documented. */
class LatencyStatsTests {

    @Test
    void percentilesAreNearestRankAndErrorsAreEveryAnswerOtherThan200() {
        long[] latencies = new long[100];
        int[] statuses = new int[100];
        for (int i = 0; i < 100; i++) {
            latencies[i] = (100 - i) * 1_000_000L;
            statuses[i] = i < 97 ? 200 : (i < 99 ? 503 : 0);
        }

        LatencyStats stats = LatencyStats.of(latencies, statuses, 2_000_000_000L);

        assertThat(stats.p50Millis()).isEqualTo(50.0);
        assertThat(stats.p99Millis()).isEqualTo(99.0);
        assertThat(stats.maxMillis()).isEqualTo(100.0);
        assertThat(stats.throughputPerSecond()).isEqualTo(50.0);
        assertThat(stats.errors()).isEqualTo(3);
        assertThat(stats.statuses()).containsEntry(200, 97).containsEntry(503, 2).containsEntry(0, 1);
    }
}
