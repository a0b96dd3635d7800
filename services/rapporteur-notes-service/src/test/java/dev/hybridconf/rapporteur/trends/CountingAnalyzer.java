package dev.hybridconf.rapporteur.trends;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import dev.hybridconf.rapporteur.analysis.AnalysisInput;
import dev.hybridconf.rapporteur.analysis.DayTrends;
import dev.hybridconf.rapporteur.analysis.TrendAnalyzer;
import dev.hybridconf.rapporteur.analysis.TrendsMother;

/**
 * An analyser that counts its runs per {@code <conference>:<day>} and answers {@link TrendsMother#dayTrends} for
 * that day, its {@code method} naming what it was given ({@code fake/<sessionId>@<revision>,...;t<thesaurus>}), so a
 * test can tell which corpus an analysis was made from.
 */
public class CountingAnalyzer implements TrendAnalyzer {

    /** A summary this analyser fails on (as a real analyser could on some input). */
    public static final String FAIL = "<fail this analysis>";

    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

    @Override
    public DayTrends analyse(AnalysisInput input) {
        runs.computeIfAbsent(input.conferenceId() + ":" + input.day(), key -> new AtomicInteger()).incrementAndGet();
        if (input.today().stream().anyMatch(c -> FAIL.equals(c.summary()))) {
            throw new IllegalStateException("cannot analyse this day");
        }
        DayTrends mother = TrendsMother.dayTrends("s-a", "s-b");
        return new DayTrends(input.conferenceId(), input.day(), fingerprint(input), input.today().size(),
                mother.reportingByLanguage(), false, mother.trends(), mother.sdgs(), mother.themes());
    }

    /** What an analysis of this input is recognised by. */
    public static String fingerprint(AnalysisInput input) {
        return "fake/" + input.today().stream().map(c -> c.sessionId() + "@" + c.revision())
                .collect(Collectors.joining(",")) + ";earlier=" + input.earlier().size() + ";t"
                + input.thesaurus().version();
    }

    public int runs(String conferenceId, Object day) {
        AtomicInteger count = runs.get(conferenceId + ":" + day);
        return count == null ? 0 : count.get();
    }
}
