package dev.hybridconf.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.hybridconf.interpretation.needs.SessionNeed;
import dev.hybridconf.interpretation.planning.StaffingProblem;

/** The generated congress is the one the benchmark promises, the same for the same seed. */
class CongressPlanningTests {

    @Test
    void fiveDaysOfEightParallelSessionsWithThreeBoothsAndFortyFiveInterpreters() {
        StaffingProblem congress = CongressPlanning.congress(2026);

        assertThat(congress.sessions()).hasSize(8 * (4 + 5 + 4 + 5 + 4));
        assertThat(congress.sessions()).allSatisfy(session -> assertThat(session.channels()).hasSize(3));
        Map<Object, Long> perSlot = congress.sessions().stream()
                .collect(Collectors.groupingBy(SessionNeed::start, Collectors.counting()));
        assertThat(perSlot.values()).containsOnly(8L);
        assertThat(congress.sessions().stream().map(SessionNeed::day).distinct()).hasSize(5);
        assertThat(congress.interpreters()).hasSize(45);
        assertThat(congress.interpreters()).allSatisfy(interpreter -> assertThat(interpreter.availability()).isNotEmpty());
        assertThat(CongressPlanning.congress(2026)).isEqualTo(congress);
    }

    @Test
    void refusesAnUnknownOption() {
        assertThatThrownBy(() -> CongressPlanning.parse(new String[] {"--minutes", "3"}))
                .hasMessageContaining("unknown option");
        assertThat(CongressPlanning.parse(new String[] {"--help"})).isNull();
        assertThat(CongressPlanning.parse(new String[] {"--spent=60", "--out", "x.json"}))
                .containsEntry("spent", "60").containsEntry("out", "x.json");
    }
}
