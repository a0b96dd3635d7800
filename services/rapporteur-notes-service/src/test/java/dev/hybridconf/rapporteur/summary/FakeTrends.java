package dev.hybridconf.rapporteur.summary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.hybridconf.rapporteur.analysis.DayTrends;
import dev.hybridconf.rapporteur.trends.StoredTrends;
import dev.hybridconf.rapporteur.trends.Trends;

/** Stored analyses the tests set by hand (the real ones come from the trend worker). */
public class FakeTrends implements Trends {

    private final Map<String, StoredTrends> stored = new ConcurrentHashMap<>();

    public void store(String conferenceId, LocalDate day, DayTrends trends, long corpusVersion) {
        stored.put(conferenceId + "|" + day, new StoredTrends(trends, corpusVersion, 1,
                Instant.parse(day + "T12:00:00Z"), false));
    }

    @Override
    public Optional<StoredTrends> day(String conferenceId, LocalDate day) {
        return Optional.ofNullable(stored.get(conferenceId + "|" + day));
    }

    @Override
    public List<StoredTrends> conference(String conferenceId) {
        return stored.entrySet().stream().filter(e -> e.getKey().startsWith(conferenceId + "|"))
                .map(Map.Entry::getValue).sorted(Comparator.comparing(s -> s.trends().day())).toList();
    }
}
