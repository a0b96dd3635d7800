package dev.hybridconf.rapporteur.summary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.hybridconf.rapporteur.corpus.Conclusion;
import dev.hybridconf.rapporteur.corpus.Corpus;

/** Conclusions the tests set by hand (the real corpus is kept from Kafka by the inputs). */
public class FakeCorpus implements Corpus {

    private final Map<String, Conclusion> current = new ConcurrentHashMap<>();

    /** Stores the conclusion under the given conference and day. */
    public void put(String conferenceId, LocalDate day, Conclusion conclusion) {
        current.put(conclusion.sessionId(), new Conclusion(conclusion.sessionId(), conferenceId, day,
                conclusion.revision(), conclusion.language(), conclusion.summary(), conclusion.keyPoints(),
                conclusion.recommendations(), conclusion.themes(), conclusion.sdgs(), conclusion.postedBy(),
                conclusion.postedAt(), conclusion.lock()));
    }

    @Override
    public List<Conclusion> day(String conferenceId, LocalDate day) {
        return current.values().stream().filter(c -> c.conferenceId().equals(conferenceId) && c.day().equals(day))
                .sorted(Comparator.comparing(Conclusion::sessionId)).toList();
    }

    @Override
    public List<LocalDate> daysWithConclusions(String conferenceId) {
        return current.values().stream().filter(c -> c.conferenceId().equals(conferenceId)).map(Conclusion::day)
                .distinct().sorted().toList();
    }

    @Override
    public Optional<Conclusion> current(String sessionId) {
        return Optional.ofNullable(current.get(sessionId));
    }

    @Override
    public List<Conclusion> revisions(String sessionId) {
        return new ArrayList<>(current(sessionId).stream().toList());
    }

    @Override
    public long version(String conferenceId, LocalDate day) {
        return day(conferenceId, day).size();
    }
}
