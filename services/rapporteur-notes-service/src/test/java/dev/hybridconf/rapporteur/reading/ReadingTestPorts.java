package dev.hybridconf.rapporteur.reading;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import dev.hybridconf.rapporteur.analysis.DayTrends;
import dev.hybridconf.rapporteur.summary.PublishedSummaries;
import dev.hybridconf.rapporteur.summary.PublishedVersion;
import dev.hybridconf.rapporteur.testing.InMemoryProgramme;
import dev.hybridconf.rapporteur.trends.StoredTrends;
import dev.hybridconf.rapporteur.trends.Trends;

/**
 * In-memory stand-ins for the three ports the readers read (the programme's copy, the published summaries, the
 * stored analyses), filled by each test with exactly what it reads, so the readers are tested before and apart from
 * the parts that write them. {@code @Primary}: they win over the service's real implementations once those are beans.
 * A draft is modelled as what it is to these ports: nothing published.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ReadingTestPorts {

    @Bean
    @Primary
    InMemoryProgramme fixedProgramme() {
        return new InMemoryProgramme();
    }

    @Bean
    @Primary
    FixedPublications fixedPublications() {
        return new FixedPublications();
    }

    @Bean
    @Primary
    FixedTrends fixedTrends() {
        return new FixedTrends();
    }

    /** Published versions, as the summary part keeps them (drafts never reach this port). */
    public static class FixedPublications implements PublishedSummaries {

        private final Map<String, List<PublishedVersion>> versions = new ConcurrentHashMap<>();

        public void publish(PublishedVersion version) {
            versions.computeIfAbsent(version.conferenceId(), c -> new CopyOnWriteArrayList<>()).add(version);
        }

        @Override
        public List<PublishedVersion> all(String conferenceId) {
            List<PublishedVersion> all = new ArrayList<>(versions.getOrDefault(conferenceId, List.of()));
            all.sort(Comparator.comparing(PublishedVersion::day).thenComparingInt(PublishedVersion::version));
            return all;
        }

        @Override
        public Optional<PublishedVersion> latest(String conferenceId, LocalDate day) {
            return all(conferenceId).stream().filter(v -> v.day().equals(day))
                    .max(Comparator.comparingInt(PublishedVersion::version));
        }

        @Override
        public Optional<PublishedVersion> version(String conferenceId, LocalDate day, int version) {
            return all(conferenceId).stream().filter(v -> v.day().equals(day) && v.version() == version).findFirst();
        }
    }

    /** Stored analyses, whether or not the day is published (the readers must not show an unpublished day's). */
    public static class FixedTrends implements Trends {

        private final Map<String, Map<LocalDate, StoredTrends>> days = new ConcurrentHashMap<>();

        public void store(DayTrends trends) {
            days.computeIfAbsent(trends.conferenceId(), c -> new ConcurrentHashMap<>()).put(trends.day(),
                    new StoredTrends(trends, 1, 1, java.time.Instant.parse("2021-02-16T17:00:00Z"), false));
        }

        @Override
        public Optional<StoredTrends> day(String conferenceId, LocalDate day) {
            return Optional.ofNullable(days.getOrDefault(conferenceId, Map.of()).get(day));
        }

        @Override
        public List<StoredTrends> conference(String conferenceId) {
            return days.getOrDefault(conferenceId, Map.of()).values().stream()
                    .sorted(Comparator.comparing(s -> s.trends().day())).toList();
        }
    }
}
