package dev.hybridconf.session.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The programme file format and its rules without a server: the demo programmes built from the
 * source documents are valid and say what the documents say; a bad file yields every problem with
 * its path; planning the same programme twice plans nothing the second time.
 */
class ProgrammeFileTests {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void everyDemoProgrammeIsAValidWholeProgramme() {
        for (String file : DemoProgrammes.FILES) {
            ProgrammeParser parser = new ProgrammeParser();
            ProgrammeDocument document = parser.document(ProgrammeFiles.readYaml(DemoProgrammes.read(file)));
            assertThat(parser.problems()).as(file).isEmpty();
            assertThat(ProgrammeRules.check(document).problems()).as(file).isEmpty();
        }
    }

    @Test
    void theRehearsalIsAValidProgrammeOnWhicheverDayItIsLoaded() {
        // Also on the days Madrid's clocks go forward (23 h) and back (25 h: the test rooms then last 24 h 50).
        for (java.time.LocalDate day : List.of(java.time.LocalDate.of(2026, 11, 23), java.time.LocalDate.of(2027, 3, 28),
                java.time.LocalDate.of(2026, 10, 25))) {
            ProgrammeParser parser = new ProgrammeParser();
            ProgrammeDocument document = parser.document(ProgrammeFiles.readYaml(DemoProgrammes.rehearsal(day)));
            assertThat(parser.problems()).as(day.toString()).isEmpty();
            assertThat(ProgrammeRules.check(document).problems()).as(day.toString()).isEmpty();
            assertThat(sessions(document)).hasSize(2);
        }
    }

    @Test
    void barcelonaLocalActionFollowsTheInvitationsAgenda() {
        ProgrammeDocument barcelona = demo(0);
        Map<String, ProgrammeSession> sessions = sessions(barcelona);

        assertThat(barcelona.conference().timeZone()).isEqualTo(ZoneId.of("Europe/Madrid"));
        assertThat(barcelona.conference().invitationOnly()).isTrue();
        assertThat(barcelona.days()).extracting(DaySpec::date)
                .containsExactly(LocalDate.parse("2024-11-07"), LocalDate.parse("2024-11-08"));
        assertThat(sessions).hasSize(14);
        ProgrammeSession welcome = sessions.get("d1-welcome");
        assertThat(welcome.kind()).isEqualTo(SessionKind.OPENING);
        assertThat(welcome.start()).isEqualTo(Instant.parse("2024-11-07T08:00:00Z"));
        assertThat(welcome.title()).containsEntry("fr", "Accueil institutionnel");
        ProgrammeSession trends = sessions.get("d2-trends-day-one");
        assertThat(trends.kind()).isEqualTo(SessionKind.WRAP_UP);
        assertThat(trends.start()).isEqualTo(Instant.parse("2024-11-08T08:00:00Z"));
        assertThat(trends.end()).isEqualTo(Instant.parse("2024-11-08T08:15:00Z"));
        assertThat(sessions.values()).allSatisfy(s -> assertThat(s.title()).containsOnlyKeys("en", "fr", "es"));
    }

    @Test
    void seminarAndCampusHasSixThemedDaysAndParallelBreakouts() {
        ProgrammeDocument seminar = demo(1);
        Map<String, ProgrammeSession> sessions = sessions(seminar);

        assertThat(seminar.days()).hasSize(6);
        assertThat(seminar.days()).allSatisfy(d -> assertThat(d.theme()).containsOnlyKeys("en", "fr", "es"));
        assertThat(seminar.days().get(1).theme()).containsEntry("fr", "Travailler pour les personnes");
        List<ProgrammeSession> dayTwoBreakouts = sessions.values().stream()
                .filter(s -> "d2-breakouts".equals(s.slot())).toList();
        assertThat(dayTwoBreakouts).hasSize(5).allSatisfy(s -> {
            assertThat(s.kind()).isEqualTo(SessionKind.BREAKOUT);
            assertThat(s.start()).isEqualTo(dayTwoBreakouts.get(0).start());
            assertThat(s.capacity()).isEqualTo(100);
        });
        assertThat(dayTwoBreakouts.stream().map(ProgrammeSession::room).distinct()).hasSize(5);
        assertThat(sessions.values().stream().filter(s -> s.kind() == SessionKind.WRAP_UP)).hasSize(4);
        assertThat(sessions.values()).allSatisfy(s -> assertThat(s.format()).isEqualTo(SessionFormat.ONLINE));
    }

    @Test
    void theThematicSessionIsTwelveToHalfPastOneCentralEuropeanSummerTime() {
        ProgrammeSession session = sessions(demo(2)).get("thematic-session");

        assertThat(session.start()).isEqualTo(Instant.parse("2021-05-18T10:00:00Z"));
        assertThat(session.end()).isEqualTo(Instant.parse("2021-05-18T11:30:00Z"));
        assertThat(session.start().atZone(session.zone()).getOffset().getId()).isEqualTo("+02:00");
    }

    @Test
    void aBadFileYieldsEveryProblemWithItsPath() {
        String yaml = """
                conference:
                  id: "Bad Id"
                  name: {en: "Test", fr: "Test"}
                  timeZone: "Europe/Atlantis"
                  languages: ["en", "fr", "de"]
                  startDate: "2024-11-07"
                  endDate: "2024-11-08"
                days:
                  - date: "2024-11-07"
                  - date: "2024-11-09"
                sessions:
                  - key: "a"
                    kind: "PLENARY"
                    day: "2024-11-07"
                    start: "11:00"
                    end: "11:00"
                    format: "HYBRID"
                    title: {en: "A", fr: "A"}
                  - key: "a"
                    kind: "KEYNOTE"
                    day: "2024-11-08"
                    start: "25:00"
                    end: "10:00"
                    format: "HYBRID"
                    colour: "red"
                    title: {en: "B"}
                """;
        ProgrammeParser parser = new ProgrammeParser();
        ProgrammeDocument document = parser.document(ProgrammeFiles.readYaml(yaml.getBytes(StandardCharsets.UTF_8)));
        List<ProgrammeProblem> problems = new java.util.ArrayList<>(parser.problems());
        problems.addAll(ProgrammeRules.check(document).problems());

        Map<String, String> byPath = problems.stream()
                .collect(Collectors.toMap(ProgrammeProblem::path, ProgrammeProblem::key, (a, b) -> a + "," + b,
                        LinkedHashMap::new));
        assertThat(byPath).containsEntry("conference.id", "programme.field.conference-id")
                .containsEntry("conference.timeZone", "programme.field.time-zone")
                .containsEntry("conference.languages[2]", "programme.field.language")
                .containsEntry("days[1].date", "programme.day.outside-dates")
                .containsEntry("sessions[0].end", "programme.session.whole-day")
                .containsEntry("sessions[1].kind", "programme.field.choice")
                .containsEntry("sessions[1].start", "programme.field.time")
                .containsEntry("sessions[1].colour", "programme.field.unknown")
                .containsEntry("sessions[1].key", "programme.key.duplicate")
                .containsEntry("sessions[1].day", "programme.day.not-conference-day")
                .containsEntry("sessions[1].title.fr", "programme.text.missing");
        assertThat(problems).allSatisfy(p -> assertThat(englishMessages()).containsKey(p.key()));
    }

    @Test
    void twoSessionsInOneRoomAtOnceClashButParallelBreakoutsInOtherRoomsDoNot() {
        ProgrammeDocument seminar = demo(1);
        SessionSpec first = seminar.sessions().stream().filter(s -> s.key().equals("d2-breakout-migration"))
                .findFirst().orElseThrow();
        SessionSpec intruder = new SessionSpec("sessions[99]", "intruder", SessionKind.SIDE_EVENT,
                SessionStatus.SCHEDULED, first.day(), first.start().plusMinutes(30), first.end().plusMinutes(30),
                " virtual ROOM 1 ", null, List.of(), SessionFormat.ONLINE, false, null, List.of(), List.of(), null,
                Map.of("en", "Intruder", "fr", "Intrus", "es", "Intruso"), Map.of(), null);

        ProgrammeRules.Verdict verdict = ProgrammeRules.check(seminar.withSession(intruder));

        assertThat(verdict.clashes()).singleElement().satisfies(clash -> {
            assertThat(clash.first().key()).isEqualTo("d2-breakout-migration");
            assertThat(clash.second().key()).isEqualTo("intruder");
        });
        assertThat(verdict.problems()).singleElement().satisfies(p -> assertThat(p.path()).isEqualTo("sessions[99].room"));
    }

    @Test
    void planningTheSameProgrammeTwicePlansNothingTheSecondTime() {
        ProgrammeDocument seminar = demo(1);
        ProgrammeDiff.Plan first = ProgrammeDiff.plan(null, Map.of(), seminar, NOW, "IMPORT");
        Map<String, ProgrammeSession> stored = new LinkedHashMap<>();
        first.sessions().forEach(change -> stored.put(change.after().key(), change.after()));

        ProgrammeDiff.Plan second = ProgrammeDiff.plan(first.after(), stored, seminar, NOW, "IMPORT");

        assertThat(first.count("SESSION_SCHEDULED")).isEqualTo(41);
        assertThat(first.conferenceEvents()).hasSize(1);
        assertThat(second.changesNothing()).isTrue();
    }

    @Test
    void aChangedFileIsPlannedAsItsDifferencesOnly() {
        ProgrammeDocument seminar = demo(1);
        ProgrammeDiff.Plan first = ProgrammeDiff.plan(null, Map.of(), seminar, NOW, "IMPORT");
        Map<String, ProgrammeSession> stored = new LinkedHashMap<>();
        first.sessions().forEach(change -> stored.put(change.after().key(), change.after()));
        SessionSpec moved = spec(seminar, "d5-learning");
        SessionSpec renamed = spec(seminar, "d1-tribute");
        List<SessionSpec> next = new java.util.ArrayList<>(seminar.sessions().stream()
                .filter(s -> !s.key().equals("d6-closing")).toList());
        next.replaceAll(s -> s.key().equals("d5-learning")
                ? s.movedTo(LocalDate.parse("2021-02-22"), moved.start(), moved.end(), moved.room())
                : s.key().equals("d1-tribute") ? new SessionSpec(s.path(), s.key(), s.kind(), s.status(), s.day(),
                        s.start(), s.end(), s.room(), s.track(), s.floorLanguages(), s.format(), s.publiclyStreamed(),
                        s.capacity(), s.moderatorIds(), s.speakers(), s.rapporteurId(),
                        Map.of("en", "In memory of Kadir Topbaş", "fr", renamed.title().get("fr"), "es",
                                renamed.title().get("es")), s.description(), s.slot()) : s);

        ProgrammeDiff.Plan second = ProgrammeDiff.plan(first.after(), stored,
                new ProgrammeDocument(seminar.conference(), seminar.days(), next), NOW, "IMPORT");

        assertThat(second.conferenceEvents()).isEmpty();
        assertThat(second.entry().changes()).extracting(ChangelogEntry.Change::type, ChangelogEntry.Change::key)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("SESSION_RESCHEDULED", "d5-learning"),
                        org.assertj.core.groups.Tuple.tuple("SESSION_UPDATED", "d1-tribute"),
                        org.assertj.core.groups.Tuple.tuple("SESSION_CANCELLED", "d6-closing"));
        assertThat(second.after().programmeVersion()).isEqualTo(2);
    }

    @Test
    void notYamlIsRefusedWithItsLine() {
        assertThatThrownBy(() -> ProgrammeFiles.readYaml("conference: [unclosed\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ProgrammeInvalidException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> assertThat(p.key()).isEqualTo("programme.file.unreadable")));
    }

    private static SessionSpec spec(ProgrammeDocument document, String key) {
        return document.sessions().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }

    private static ProgrammeDocument demo(int index) {
        ProgrammeParser parser = new ProgrammeParser();
        return parser.document(ProgrammeFiles.readYaml(DemoProgrammes.read(DemoProgrammes.FILES.get(index))));
    }

    private static Map<String, ProgrammeSession> sessions(ProgrammeDocument document) {
        Map<String, ProgrammeSession> sessions = new LinkedHashMap<>();
        document.sessions().forEach(s -> sessions.put(s.key(),
                s.toSession(document.conference().id(), document.conference().timeZone())));
        return sessions;
    }

    private static Map<Object, Object> englishMessages() {
        try (var in = ProgrammeFileTests.class.getClassLoader().getResourceAsStream("i18n/messages.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
