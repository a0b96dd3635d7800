package dev.hybridconf.rapporteur.live;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import dev.hybridconf.rapporteur.analysis.Thesaurus;
import dev.hybridconf.rapporteur.corpus.Conclusion;
import dev.hybridconf.rapporteur.corpus.Corpus;
import dev.hybridconf.rapporteur.testing.InMemoryProgramme;
import dev.hybridconf.rapporteur.thesaurus.ThesaurusStore;

/**
 * The ports the live view reads, kept in memory with what each test puts in them, so the view's tests state the
 * programme and conclusions they expect without the inputs' listener. {@code @Primary}: the tests keep them when the
 * service's real implementations are beans too. The live stream itself is the real Redis stream.
 */
@TestConfiguration(proxyBeanMethods = false)
public class LiveTestPorts {

    @Bean
    @Primary
    InMemoryProgramme liveInMemoryProgramme() {
        return new InMemoryProgramme();
    }

    @Bean
    @Primary
    TestCorpus liveTestCorpus(InMemoryProgramme programme) {
        return new TestCorpus(programme);
    }

    @Bean
    @Primary
    TestThesauri liveTestThesauri() {
        return new TestThesauri();
    }

    /** Conclusions as tests post them; a day holds the current revision of its scheduled, not cancelled breakouts. */
    public static final class TestCorpus implements Corpus {

        private final InMemoryProgramme programme;
        private final Map<String, List<Conclusion>> revisions = new ConcurrentHashMap<>();

        TestCorpus(InMemoryProgramme programme) {
            this.programme = programme;
        }

        public void post(Conclusion conclusion) {
            revisions.computeIfAbsent(conclusion.sessionId(), k -> new CopyOnWriteArrayList<>()).add(conclusion);
        }

        @Override
        public List<Conclusion> day(String conferenceId, LocalDate day) {
            return programme.day(conferenceId, day).stream().filter(s -> !s.cancelled())
                    .map(s -> current(s.id())).flatMap(Optional::stream).toList();
        }

        @Override
        public List<LocalDate> daysWithConclusions(String conferenceId) {
            return revisions.keySet().stream().map(this::current).flatMap(Optional::stream)
                    .filter(c -> c.conferenceId().equals(conferenceId)).map(Conclusion::day).distinct().sorted().toList();
        }

        @Override
        public Optional<Conclusion> current(String sessionId) {
            return revisions.getOrDefault(sessionId, List.of()).stream()
                    .max(Comparator.comparingLong(Conclusion::revision));
        }

        @Override
        public List<Conclusion> revisions(String sessionId) {
            return List.copyOf(revisions.getOrDefault(sessionId, List.of()));
        }

        @Override
        public long version(String conferenceId, LocalDate day) {
            return revisions.values().stream().flatMap(List::stream)
                    .filter(c -> c.conferenceId().equals(conferenceId) && c.day().equals(day)).count();
        }
    }

    /** Thesauri as tests load them. */
    public static final class TestThesauri implements ThesaurusStore {

        private final Map<String, Thesaurus> thesauri = new ConcurrentHashMap<>();

        public void put(String conferenceId, Thesaurus thesaurus) {
            thesauri.put(conferenceId, thesaurus);
        }

        @Override
        public Thesaurus current(String conferenceId) {
            return thesauri.getOrDefault(conferenceId, Thesaurus.EMPTY);
        }
    }
}
