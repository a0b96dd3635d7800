package dev.hybridconf.rapporteur.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.hybridconf.rapporteur.corpus.Conclusion;
import dev.hybridconf.rapporteur.corpus.Corpus;

/**
 * Conclusions the tests set by hand, in memory (the real corpus is kept from {@code session.events} by the inputs):
 * the current revision of each breakout, a day's conclusions in session order. Each effective change calls
 * {@link #changed(String, LocalDate)}, which does nothing here: a subclass overrides it (and {@link #version}) where
 * what it tests depends on the inputs' side effects too, e.g. the corpus version kept in Redis.
 */
public class InMemoryCorpus implements Corpus {

    private final Map<String, Conclusion> current = new ConcurrentHashMap<>();

    /** Stores the conclusion under the given conference and day, whatever was kept for its session. */
    public synchronized void put(String conferenceId, LocalDate day, Conclusion conclusion) {
        Conclusion placed = new Conclusion(conclusion.sessionId(), conferenceId, day, conclusion.revision(),
                conclusion.language(), conclusion.summary(), conclusion.keyPoints(), conclusion.recommendations(),
                conclusion.themes(), conclusion.sdgs(), conclusion.postedBy(), conclusion.postedAt(),
                conclusion.lock());
        current.put(key(conferenceId, conclusion.sessionId()), placed);
        changed(conferenceId, day);
    }

    /** Keeps the conclusion if its revision is above the kept one; false (nothing kept, no change) otherwise. */
    public synchronized boolean post(Conclusion conclusion) {
        String key = key(conclusion.conferenceId(), conclusion.sessionId());
        Conclusion kept = current.get(key);
        if (kept != null && kept.revision() >= conclusion.revision()) {
            return false;
        }
        current.put(key, conclusion);
        changed(conclusion.conferenceId(), conclusion.day());
        return true;
    }

    /** The effective change's side effects, called once per change while the change is held; none here. */
    protected void changed(String conferenceId, LocalDate day) {
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

    /** Tests may reuse session ids across conferences (real ones are UUIDs): the first one kept is answered. */
    @Override
    public Optional<Conclusion> current(String sessionId) {
        return current.values().stream().filter(c -> c.sessionId().equals(sessionId)).findFirst();
    }

    /** The session's current conclusion in this conference. */
    public Optional<Conclusion> current(String conferenceId, String sessionId) {
        return Optional.ofNullable(current.get(key(conferenceId, sessionId)));
    }

    /** Only the current revision is kept here. */
    @Override
    public List<Conclusion> revisions(String sessionId) {
        return new ArrayList<>(current(sessionId).stream().toList());
    }

    /** The number of conclusions the day holds; a subclass that keeps the real version answers that instead. */
    @Override
    public long version(String conferenceId, LocalDate day) {
        return day(conferenceId, day).size();
    }

    private static String key(String conferenceId, String sessionId) {
        return conferenceId + "/" + sessionId;
    }
}
