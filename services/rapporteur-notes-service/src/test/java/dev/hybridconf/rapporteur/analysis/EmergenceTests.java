package dev.hybridconf.rapporteur.analysis;

import static dev.hybridconf.rapporteur.analysis.AnalysisFixtures.CONFERENCE;
import static dev.hybridconf.rapporteur.analysis.AnalysisFixtures.DAY1;
import static dev.hybridconf.rapporteur.analysis.AnalysisFixtures.DAY2;
import static dev.hybridconf.rapporteur.analysis.AnalysisFixtures.conclusion;
import static dev.hybridconf.rapporteur.analysis.AnalysisFixtures.trend;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.hybridconf.rapporteur.corpus.Conclusion;

/** The log-odds with an informative Dirichlet prior, on numbers computed by hand, and what it flags. */
class EmergenceTests {

    @Test
    void aTermNeverRaisedBeforeIsSignificant() {
        // y1 = 6 of 10 today, y0 = 0 of 30 before, α = 10: p = 6.5/41, a = 1.585366, b = 8.414634
        Emergence e = EmergenceModel.of(6, 10, 0, 30, 10);
        assertThat(e.logOdds()).isCloseTo(2.694968, within(1e-6));
        assertThat(e.z()).isCloseTo(2.890665, within(1e-6));
        assertThat(EmergenceModel.factor(e, 0.35)).isCloseTo(Math.exp(0.35 * 2.890665), within(1e-6));
    }

    @Test
    void aTermAtItsUsualRateIsNot() {
        Emergence e = EmergenceModel.of(3, 10, 9, 30, 10);
        assertThat(e.logOdds()).isCloseTo(0.005787, within(1e-6));
        assertThat(e.z()).isCloseTo(0.009702, within(1e-6));
    }

    @Test
    void theFactorIsClamped() {
        assertThat(EmergenceModel.factor(new Emergence(0, 0, 0, 0, 0, 40), 0.35)).isCloseTo(Math.exp(1.4), within(1e-12));
        assertThat(EmergenceModel.factor(new Emergence(0, 0, 0, 0, 0, -9), 0.35)).isCloseTo(Math.exp(-0.7), within(1e-12));
        assertThat(EmergenceModel.factor(null, 0.35)).isEqualTo(1.0);
    }

    @Test
    void theFirstDayHasNoEmergenceAndNothingNew() {
        List<Conclusion> day1 = List.of(
                conclusion("d1-a", DAY1, "en", "Green bonds finance parks."),
                conclusion("d1-b", DAY1, "en", "Green bonds were everywhere."));
        DayTrends trends = new LuceneTrendAnalyzer().analyse(new AnalysisInput(CONFERENCE, DAY1, day1,
                new TreeMap<>(), Thesaurus.EMPTY, AnalysisSettings.DEFAULTS, 2));
        Trend bonds = trend(trends, "p:en:green bond");
        assertThat(bonds.recurring()).isTrue();
        assertThat(bonds.emergence()).isNull();
        assertThat(bonds.isNew()).isFalse();
        assertThat(bonds.emerging()).isFalse();
    }

    @Test
    void aTermRaisedTodayOnlyIsNewAndEmergingAndOldTalkIsNeither() {
        List<Conclusion> earlier = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            earlier.add(conclusion("d1-" + i, DAY1, "en", "Street trees " + (i % 2 == 0 ? "cool roads." : "help.")));
        }
        List<Conclusion> today = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            today.add(conclusion("d2-" + i, DAY2, "en",
                    "Street trees help. " + (i < 6 ? "Heat waves hit elderly people." : "Good.")));
        }
        SortedMap<LocalDate, List<Conclusion>> before = new TreeMap<>();
        before.put(DAY1, earlier);
        DayTrends trends = new LuceneTrendAnalyzer().analyse(new AnalysisInput(CONFERENCE, DAY2, today, before,
                Thesaurus.EMPTY, AnalysisSettings.DEFAULTS, 10));

        Trend heat = trend(trends, "p:en:heat wave hit");
        assertThat(heat.isNew()).isTrue();
        assertThat(heat.emerging()).isTrue();
        assertThat(heat.emergence().today()).isEqualTo(6);
        assertThat(heat.emergence().reportingEarlier()).isEqualTo(10);
        assertThat(heat.emergence().z()).isCloseTo(EmergenceModel.of(6, 10, 0, 10, 10).z(), within(1e-6));

        // raised by half the breakouts before and by all today: more, but not significantly (z = 1.74)
        Trend trees = trend(trends, "p:en:street trees help");
        assertThat(trees.isNew()).isFalse();
        assertThat(trees.emerging()).isFalse();
        assertThat(trees.emergence().earlier()).isEqualTo(5);
    }
}
