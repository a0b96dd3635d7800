package dev.hybridconf.rapporteur.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SortedMap;

import org.junit.jupiter.api.Test;

/** Salience on graphs whose PageRank is known by hand. */
class TextRankTests {

    @Test
    void aPathRanksItsMiddleFirst() {
        // a - b - c: a = 0.05 + 0.85 b/2, b = 0.05 + 0.85 (a + c) → a = c = 0.256757, b = 0.486486
        TextRank rank = new TextRank(3);
        rank.link("a", "b", 1);
        rank.link("b", "c", 1);
        SortedMap<String, Double> scores = rank.scores();
        assertThat(scores.get("b")).isEqualTo(1.0);
        assertThat(scores.get("a")).isCloseTo(0.256757 / 0.486486, within(1e-5));
        assertThat(scores.get("c")).isCloseTo(scores.get("a"), within(1e-12));
    }

    @Test
    void aStarsHubIsMostSalientAndWeightsCount() {
        TextRank rank = new TextRank(3);
        rank.link("hub", "x", 1);
        rank.link("hub", "y", 1);
        rank.link("hub", "z", 3);
        SortedMap<String, Double> scores = rank.scores();
        assertThat(scores.get("hub")).isEqualTo(1.0);
        assertThat(scores.get("z")).isGreaterThan(scores.get("x"));
        assertThat(scores.get("x")).isCloseTo(scores.get("y"), within(1e-12));
    }

    @Test
    void theWindowLinksUnitsLessThanItApart() {
        TextRank rank = new TextRank(3);
        rank.add(List.of("a", "b", "c", "d"));
        TextRank same = new TextRank(3);
        same.link("a", "b", 1);
        same.link("a", "c", 1);
        same.link("b", "c", 1);
        same.link("b", "d", 1);
        same.link("c", "d", 1);
        assertThat(rank.scores()).isEqualTo(same.scores());
        assertThat(new TextRank(3).scores()).isEmpty();
    }

    @Test
    void theOrderEdgesArriveInChangesNothing() {
        TextRank one = new TextRank(3);
        one.add(List.of("p", "q", "r"));
        one.add(List.of("r", "s"));
        TextRank two = new TextRank(3);
        two.add(List.of("r", "s"));
        two.add(List.of("p", "q", "r"));
        assertThat(one.scores()).isEqualTo(two.scores());
    }
}
