package dev.hybridconf.rapporteur.analysis;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

import dev.hybridconf.rapporteur.corpus.Conclusion;

/**
 * What one analysis of a (conference, day) reads. The analyser has no clock: {@code asOf} is the instant the caller
 * considers "now" for {@link DayTrends#complete()} (a breakout is locked when its {@code lockAt} is at or before it).
 *
 * @param today          the current conclusions of the day's breakouts
 * @param earlier        the current conclusions of the conference's earlier days, by day (for emergence)
 * @param breakoutsToday how many breakouts the day has (reported or not), for {@link DayTrends#complete()}
 * @param asOf           "now" for the lock decisions; null when unknown (then the day is never complete)
 */
public record AnalysisInput(String conferenceId, LocalDate day, List<Conclusion> today,
        SortedMap<LocalDate, List<Conclusion>> earlier, Thesaurus thesaurus, AnalysisSettings settings,
        int breakoutsToday, Instant asOf) {

    /** Without an instant: the analysis never says the day is complete. */
    public AnalysisInput(String conferenceId, LocalDate day, List<Conclusion> today,
            SortedMap<LocalDate, List<Conclusion>> earlier, Thesaurus thesaurus, AnalysisSettings settings,
            int breakoutsToday) {
        this(conferenceId, day, today, earlier, thesaurus, settings, breakoutsToday, null);
    }
}
