package dev.hybridconf.session.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.hybridconf.kit.errors.ProblemMessages;

/**
 * Sessions running past the conference zone's midnight, as a programme file states them (an end at or before
 * the start is on the next day), checked by the programme's rules where the clocks change: Madrid's last Sunday of
 * October, and Santiago de Chile, whose clocks change at midnight itself (back from 00:00 to 23:00 on the first
 * Sunday of April, forward from 00:00 to 01:00 on the first Sunday of September). Durations are real time.
 */
class OvernightRulesTests {

    private static final ProblemMessages MESSAGES = new ProblemMessages();

    @Test
    void anEndBeforeTheStartIsOnTheNextDayAndTheSessionBelongsToTheDayItStarts() {
        ProgrammeDocument programme = programme("Africa/Casablanca", "2027-11-10", "2027-11-12",
                session("evening", "2027-11-11", "22:00", "01:00", "Riad hall"),
                session("to-midnight", "2027-11-12", "23:00", "24:00", "Riad hall"));

        assertThat(problems(programme)).isEmpty();
        ProgrammeSession evening = stored(programme, "evening");
        assertThat(evening.start()).isEqualTo(Instant.parse("2027-11-11T21:00:00Z"));
        assertThat(evening.end()).isEqualTo(Instant.parse("2027-11-12T00:00:00Z"));
        assertThat(evening.day()).isEqualTo(LocalDate.parse("2027-11-11"));
        ProgrammeSession lastNight = stored(programme, "to-midnight");
        assertThat(lastNight.end()).as("24:00 closes the day: midnight after the last day, outside its dates")
                .isEqualTo(Instant.parse("2027-11-12T23:00:00Z"));
        assertThat(SessionSpec.of(evening).endIn(evening.zone()).toInstant()).as("read back from its instants")
                .isEqualTo(evening.end());
    }

    @Test
    void aNightWhoseClocksGoBackLastsAnHourLonger() {
        // Madrid goes back from +02:00 to +01:00 at 03:00 on Sunday 27 October 2024.
        ProgrammeDocument programme = programme("Europe/Madrid", "2024-10-25", "2024-10-27",
                session("late", "2024-10-26", "23:00", "03:30", null));

        assertThat(problems(programme)).isEmpty();
        ProgrammeSession late = stored(programme, "late");
        assertThat(late.start()).isEqualTo(Instant.parse("2024-10-26T21:00:00Z"));
        assertThat(late.end()).isEqualTo(Instant.parse("2024-10-27T02:30:00Z"));
        assertThat(Duration.between(late.start(), late.end())).as("4 h 30 on the clock, 5 h 30 in real time")
                .isEqualTo(Duration.ofMinutes(330));
    }

    @Test
    void aSessionRunningPastMidnightForADayOrMoreIsRefusedNamingItsEnd() {
        ProgrammeDocument programme = programme("Europe/Madrid", "2024-10-25", "2024-10-27",
                session("whole-day", "2024-10-25", "09:00", "09:00", null),
                session("from-midnight", "2024-10-25", "00:00", "24:00", null),
                session("over-the-change", "2024-10-26", "04:00", "03:30", null),
                session("just-under", "2024-10-26", "04:00", "02:30", null),
                session("all-day-sunday", "2024-10-27", "00:05", "23:55", null));

        List<ProgrammeProblem> problems = problems(programme);

        assertThat(problems.stream().collect(Collectors.toMap(ProgrammeProblem::path, ProgrammeProblem::key)))
                .containsOnly(Map.entry("sessions[0].end", "programme.session.whole-day"),
                        Map.entry("sessions[1].end", "programme.session.whole-day"),
                        Map.entry("sessions[2].end", "programme.session.too-long"));
        ProgrammeProblem tooLong = problems.get(2);
        assertThat(text(tooLong, Locale.ENGLISH)).startsWith("makes the session last 24 h 30 min, from 2024-10-26 04:00"
                + " to 2024-10-27 03:30 in Europe/Madrid");
        assertThat(text(tooLong, Locale.FRENCH)).contains("24 h 30 min").contains("moins de 24 heures");
        assertThat(text(tooLong, Locale.forLanguageTag("es"))).contains("24 h 30 min").contains("menos de 24 horas");
        assertThat(text(problems.get(0), Locale.ENGLISH)).contains("a whole day").contains("less than 24 hours");
    }

    @Test
    void inSantiagoTheClocksChangeAtMidnightItself() {
        ProgrammeDocument april = programme("America/Santiago", "2024-04-05", "2024-04-07",
                session("across-the-change", "2024-04-06", "22:00", "01:00", null),
                // 23:30 happens twice that night: the first one (-03:00) is taken, as for any autumn overlap.
                session("in-the-repeated-hour", "2024-04-06", "23:30", "00:30", null));
        assertThat(problems(april)).isEmpty();
        ProgrammeSession across = stored(april, "across-the-change");
        assertThat(across.start()).isEqualTo(Instant.parse("2024-04-07T01:00:00Z"));
        assertThat(across.end()).isEqualTo(Instant.parse("2024-04-07T05:00:00Z"));
        ProgrammeSession repeated = stored(april, "in-the-repeated-hour");
        assertThat(Duration.between(repeated.start(), repeated.end())).isEqualTo(Duration.ofHours(2));

        ProgrammeDocument september = programme("America/Santiago", "2024-09-06", "2024-09-08",
                session("shorter", "2024-09-07", "22:00", "01:00", null),
                session("ends-in-the-gap", "2024-09-07", "22:00", "00:30", null));
        List<ProgrammeProblem> problems = problems(september);
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("sessions[1].end");
            assertThat(problem.key()).isEqualTo("programme.time-gap");
            assertThat(text(problem, Locale.ENGLISH)).isEqualTo(
                    "00:30 does not exist on 2024-09-08 in America/Santiago: the clocks skip it");
        });
        ProgrammeDocument valid = programme("America/Santiago", "2024-09-06", "2024-09-08",
                session("shorter", "2024-09-07", "22:00", "01:00", null));
        ProgrammeSession shorter = stored(valid, "shorter");
        assertThat(Duration.between(shorter.start(), shorter.end())).as("3 h on the clock, 2 h in real time")
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void roomsClashByInstantsAcrossMidnight() {
        ProgrammeDocument programme = programme("Africa/Casablanca", "2027-11-10", "2027-11-12",
                session("evening", "2027-11-11", "22:00", "01:00", "Riad hall"),
                session("early", "2027-11-12", "00:30", "02:00", "riad HALL"),
                session("after", "2027-11-12", "01:00", "02:00", "Patio"),
                session("next-in-patio", "2027-11-12", "02:00", "03:00", "Patio"));

        ProgrammeRules.Verdict verdict = ProgrammeRules.check(programme);

        assertThat(verdict.clashes()).singleElement().satisfies(clash -> {
            assertThat(clash.first().key()).isEqualTo("evening");
            assertThat(clash.second().key()).isEqualTo("early");
            assertThat(clash.when(clash.first())).isEqualTo("2027-11-11 22:00–2027-11-12 01:00 (Africa/Casablanca)");
        });
        ProgrammeDocument touching = programme("Africa/Casablanca", "2027-11-10", "2027-11-12",
                session("evening", "2027-11-11", "22:00", "01:00", "Riad hall"),
                session("after", "2027-11-12", "01:00", "02:00", "Riad hall"));
        assertThat(problems(touching)).as("one ends as the other starts").isEmpty();
    }

    @Test
    void twentyFourHundredClosesADayOnlyAsAnEnd() {
        ProgrammeParser parser = new ProgrammeParser();
        parser.document(ProgrammeFiles.readYaml(yaml("Europe/Madrid", "2024-10-25", "2024-10-27",
                session("x", "2024-10-25", "24:00", "01:00", null)).getBytes(StandardCharsets.UTF_8)));

        assertThat(parser.problems()).extracting(ProgrammeProblem::path, ProgrammeProblem::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sessions[0].start", "programme.field.time"));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static String session(String key, String day, String start, String end, String room) {
        return """
                  - key: "%s"
                    kind: "PLENARY"
                    day: "%s"
                    start: "%s"
                    end: "%s"
                    format: "HYBRID"
                    title: {en: "%s"}
                """.formatted(key, day, start, end, key) + (room == null ? "" : "    room: \"" + room + "\"\n");
    }

    private static String yaml(String zone, String first, String last, String... sessions) {
        StringBuilder days = new StringBuilder();
        for (LocalDate d = LocalDate.parse(first); !d.isAfter(LocalDate.parse(last)); d = d.plusDays(1)) {
            days.append("  - date: \"").append(d).append("\"\n");
        }
        return """
                conference:
                  id: "overnight"
                  name: {en: "Overnight"}
                  timeZone: "%s"
                  languages: ["en"]
                  startDate: "%s"
                  endDate: "%s"
                days:
                %ssessions:
                %s""".formatted(zone, first, last, days, String.join("", sessions));
    }

    private static ProgrammeDocument programme(String zone, String first, String last, String... sessions) {
        ProgrammeParser parser = new ProgrammeParser();
        ProgrammeDocument document = parser.document(ProgrammeFiles.readYaml(
                yaml(zone, first, last, sessions).getBytes(StandardCharsets.UTF_8)));
        assertThat(parser.problems()).isEmpty();
        return document;
    }

    private static List<ProgrammeProblem> problems(ProgrammeDocument document) {
        return ProgrammeRules.check(document).problems();
    }

    private static ProgrammeSession stored(ProgrammeDocument document, String key) {
        return document.sessions().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow()
                .toSession(document.conference().id(), document.conference().timeZone());
    }

    private static String text(ProgrammeProblem problem, Locale locale) {
        return MESSAGES.text(problem.key(), locale, problem.arguments(locale));
    }
}
