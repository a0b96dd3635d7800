package dev.hybridconf.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.hybridconf.rapporteur.analysis.AnalysisSettings;

/**
 * The acceptance line of the trend analysis on generated weeks (seeds 1..10, 5 days × 40 breakouts): every planted
 * theme among the top five of its day, and the theme raised only in French and Spanish from day 3 one trend, marked
 * new on day 3, counting every breakout that raised it. The settings were tuned on other seeds (101..150).
 */
class TrendRecallTests {

    @Test
    void plantedTrendsAreInTheTopFiveAndTheEmergingOneIsNewAndCountedOnce() {
        TrendRecall recall = new TrendRecall(AnalysisSettings.DEFAULTS, false);
        for (long seed = 1; seed <= 10; seed++) {
            List<TrendRecall.DayScore> days = recall.run(seed, 5, 40);
            assertThat(days).hasSize(5);
            for (TrendRecall.DayScore day : days) {
                String where = "seed " + seed + " day " + day.day();
                assertThat(day.recallAt5()).as(where + " recall@5").isEqualTo(1.0);
                if (day.day() >= 3) {
                    assertThat(day.emergingOneTrend()).as(where + " emerging theme is one trend").isTrue();
                    assertThat(day.emergingCount()).as(where + " emerging theme counts its breakouts").isTrue();
                    assertThat(day.emergingPlanted()).as(where).isBetween(5, 8);
                }
                if (day.day() == 3) {
                    assertThat(day.emergingNew()).as(where + " emerging theme is new").isTrue();
                }
            }
        }
    }
}
