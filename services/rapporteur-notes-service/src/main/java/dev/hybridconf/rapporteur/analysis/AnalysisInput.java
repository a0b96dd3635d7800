package dev.hybridconf.rapporteur.analysis;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

import dev.hybridconf.rapporteur.corpus.Conclusion;

/**
 * @param today    the current conclusions of the day's breakouts
 * @param earlier  the current conclusions of the conference's earlier days, by day (for emergence)
 * @param breakoutsToday how many breakouts the day has (reported or not), for {@link DayTrends#complete()}
 */
public record AnalysisInput(String conferenceId, LocalDate day, List<Conclusion> today,
        SortedMap<LocalDate, List<Conclusion>> earlier, Thesaurus thesaurus, AnalysisSettings settings,
        int breakoutsToday) {
}
