package dev.hybridconf.session.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.EventPayload;
import dev.hybridconf.contracts.registration.RegistrationApproved;
import dev.hybridconf.contracts.registration.RegistrationSubmitted;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.session.participants.ParticipantDirectory;
import dev.hybridconf.session.participants.ParticipantView;
import dev.hybridconf.testinfra.AdjustableClock;
import dev.hybridconf.testinfra.EventSchemaAssertions;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Sessions that run past midnight in the conference's zone (an evening programme in Casablanca, 22:00–01:00),
 * over real HTTP, Kafka and Redis: an organiser creates and moves them with an end time before the start (the
 * next day), they stay under the day they start in every view and personal agenda whatever the reader's zone,
 * their events carry the right instants, rooms and enrolments clash by instants across midnight, a night whose
 * clocks go back counts its extra hour, a session of a day or more is refused in the reader's language with
 * nothing written, and the conclusions of a breakout ending after midnight lock at the wrap-up after it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
@Import(AdjustableClock.Config.class)
class MidnightProgrammeTests {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
    }

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Autowired
    TopicNames topics;

    @Autowired
    ParticipantDirectory directory;

    @Autowired
    AdjustableClock clock;

    private final TestTokens tokens = TestTokens.shared();
    private final EventCodec codec = new EventCodec();
    private final String moderator = UUID.randomUUID().toString();
    private ProgrammeApi api;
    private String casablanca;

    @BeforeEach
    void casablanca() {
        clock.setTo(OffsetDateTime.parse("2027-11-01T09:00:00+01:00").toInstant());
        api = new ProgrammeApi(port, bootstrap, topics.physical("session.events"));
        casablanca = conference("casablanca", "Africa/Casablanca", "2027-11-10", "2027-11-12");
    }

    @Test
    void anOrganiserCreatesAndMovesASessionEndingAfterMidnightAndEveryoneSeesItUnderTheDayItStarts() {
        HttpResponse<String> created = schedule(casablanca, "cultural-evening", "PLENARY", "2027-11-11", "22:00",
                "01:00", "Riad hall", null);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode view = api.read(created);
        String id = view.get("id").asString();
        assertThat(view.get("day").asString()).isEqualTo("2027-11-11");
        assertThat(view.get("start").asString()).isEqualTo("2027-11-11T22:00:00+01:00");
        assertThat(view.get("end").asString()).isEqualTo("2027-11-12T01:00:00+01:00");
        assertThat(view.get("durationMinutes").asLong()).isEqualTo(180);
        assertThat(view.get("crossesMidnight").asBoolean()).isTrue();

        JsonNode tokyo = api.read(api.get("/api/sessions/" + id + "?tz=Asia/Tokyo", tokens.participant()));
        assertThat(tokyo.get("start").asString()).isEqualTo("2027-11-12T06:00:00+09:00");
        assertThat(tokyo.get("end").asString()).isEqualTo("2027-11-12T09:00:00+09:00");
        assertThat(tokyo.get("crossesMidnight").asBoolean()).as("a morning in Tokyo").isFalse();
        assertThat(tokyo.get("day").asString()).as("still the conference day it starts").isEqualTo("2027-11-11");
        JsonNode bogota = api.read(api.get("/api/sessions/" + id + "?tz=America/Bogota", tokens.participant()));
        assertThat(bogota.get("start").asString()).isEqualTo("2027-11-11T16:00:00-05:00");
        assertThat(bogota.get("crossesMidnight").asBoolean()).isFalse();
        JsonNode programme = api.read(api.get("/api/sessions/conferences/" + casablanca + "/programme?tz=Asia/Tokyo",
                tokens.participant()));
        assertThat(keysOn(programme, "2027-11-11")).containsExactly("cultural-evening");
        assertThat(keysOn(programme, "2027-11-12")).isEmpty();
        JsonNode dayFilter = api.read(api.get("/api/sessions/conferences/" + casablanca
                + "/programme?day=2027-11-12", tokens.participant()));
        assertThat(keysOn(dayFilter, "2027-11-12")).as("not on the day it ends").isEmpty();
        JsonNode conference = api.read(api.get("/api/sessions/conferences/" + casablanca, tokens.participant()));
        assertThat(conference.get("closesAt").asString()).isEqualTo("2027-11-12T01:00:00+01:00");

        ProgrammeApi.Event scheduled = awaitEvent(id, "session.scheduled.v1", 1).get(0);
        EventSchemaAssertions.assertValidEvent(scheduled.raw());
        assertThat(scheduled.data().get("day").asString()).isEqualTo("2027-11-11");
        assertThat(scheduled.data().get("start").asString()).isEqualTo("2027-11-11T21:00:00Z");
        assertThat(scheduled.data().get("end").asString()).isEqualTo("2027-11-12T00:00:00Z");

        HttpResponse<String> moved = api.json("POST", "/api/sessions/" + id + "/move", tokens.organiser(), """
                {"day": "2027-11-12", "start": "23:30", "end": "00:45"}""");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        JsonNode lastNight = api.read(moved);
        assertThat(lastNight.get("day").asString()).isEqualTo("2027-11-12");
        assertThat(lastNight.get("end").asString()).as("past the conference's last date")
                .isEqualTo("2027-11-13T00:45:00+01:00");
        ProgrammeApi.Event rescheduled = awaitEvent(id, "session.rescheduled.v1", 1).get(0);
        EventSchemaAssertions.assertValidEvent(rescheduled.raw());
        assertThat(rescheduled.data().get("previousEnd").asString()).isEqualTo("2027-11-12T00:00:00Z");
        assertThat(rescheduled.data().get("day").asString()).isEqualTo("2027-11-12");
        assertThat(rescheduled.data().get("end").asString()).isEqualTo("2027-11-12T23:45:00Z");

        JsonNode toMidnight = api.read(api.json("POST", "/api/sessions/" + id + "/move", tokens.organiser(), """
                {"day": "2027-11-12", "start": "22:00", "end": "24:00"}"""));
        assertThat(toMidnight.get("end").asString()).isEqualTo("2027-11-13T00:00:00+01:00");
        assertThat(toMidnight.get("crossesMidnight").asBoolean()).as("ending at midnight crosses none").isFalse();
        assertThat(toMidnight.get("durationMinutes").asLong()).isEqualTo(120);
    }

    @Test
    void aNightWhoseClocksGoBackLastsAnHourLongerAndADayOrMoreIsRefusedInTheReadersLanguage() {
        String madrid = conference("madrid", "Europe/Madrid", "2024-10-25", "2024-10-27");
        HttpResponse<String> late = schedule(madrid, "late", "SIDE_EVENT", "2024-10-26", "23:00", "03:30", null, null);
        assertThat(late.statusCode()).as(late.body()).isEqualTo(201);
        assertThat(api.read(late).get("end").asString()).isEqualTo("2024-10-27T03:30:00+01:00");
        assertThat(api.read(late).get("durationMinutes").asLong()).as("4 h 30 on the clock, 5 h 30 lived")
                .isEqualTo(330);
        long version = programmeVersion(madrid);

        List<String> answers = new ArrayList<>();
        for (String language : List.of("en", "fr", "es")) {
            HttpResponse<String> overTheChange = schedule(madrid, "too-long-" + language, "SIDE_EVENT", "2024-10-26",
                    "04:00", "03:30", null, language);
            HttpResponse<String> wholeDay = schedule(madrid, "whole-day-" + language, "SIDE_EVENT", "2024-10-25",
                    "09:00", "09:00", null, language);
            for (HttpResponse<String> refused : List.of(overTheChange, wholeDay)) {
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
                assertThat(refused.headers().firstValue("Content-Type").orElse(""))
                        .startsWith("application/problem+json");
                JsonNode problem = api.read(refused);
                assertThat(problem.get("type").asString()).endsWith("/validation");
                assertThat(problem.get("errors")).singleElement()
                        .satisfies(error -> assertThat(error.get("field").asString()).isEqualTo("end"));
                answers.add(problem.get("errors").get(0).get("message").asString());
            }
        }
        assertThat(answers.get(0)).contains("24 h 30 min").contains("2024-10-26 04:00").contains("2024-10-27 03:30")
                .contains("less than 24 hours");
        assertThat(answers.get(1)).contains("a whole day").contains("less than 24 hours");
        assertThat(answers.get(2)).contains("24 h 30 min").contains("moins de 24 heures");
        assertThat(answers.get(3)).contains("journée entière").contains("moins de 24 heures");
        assertThat(answers.get(4)).contains("24 h 30 min").contains("menos de 24 horas");
        assertThat(answers.get(5)).contains("día entero").contains("menos de 24 horas");
        HttpResponse<String> moveTooLong = api.json("POST", "/api/sessions/" + api.read(late).get("id").asString()
                + "/move", tokens.organiser(), "{\"day\": \"2024-10-26\", \"start\": \"03:00\", \"end\": \"03:00\"}");
        assertThat(moveTooLong.statusCode()).isEqualTo(400);
        assertThat(programmeVersion(madrid)).as("nothing written").isEqualTo(version);
    }

    @Test
    void roomsAndEnrolmentsClashByTheirInstantsAcrossMidnight() {
        String evening = id(schedule(casablanca, "evening-breakout", "BREAKOUT", "2027-11-11", "22:00", "01:00",
                "Riad hall", null));
        HttpResponse<String> clash = schedule(casablanca, "early-talk", "SIDE_EVENT", "2027-11-12", "00:30", "02:00",
                "Riad hall", "fr");
        assertThat(clash.statusCode()).as(clash.body()).isEqualTo(409);
        JsonNode problem = api.read(clash);
        assertThat(problem.get("type").asString()).endsWith("/room-clash");
        assertThat(problem.get("detail").asString()).contains("2027-11-11 22:00–2027-11-12 01:00")
                .contains("2027-11-12 00:30–02:00");
        assertThat(problem.get("sessions").get(0).get("end").asString()).isEqualTo("2027-11-12T01:00+01:00");
        assertThat(schedule(casablanca, "after-it", "SIDE_EVENT", "2027-11-12", "01:00", "02:00", "Riad hall", null)
                .statusCode()).as("starting as it ends").isEqualTo(201);

        String early = id(schedule(casablanca, "early-breakout", "BREAKOUT", "2027-11-12", "00:30", "01:30",
                "Patio", null));
        String person = approvedParticipant(casablanca);
        assertThat(enrol(evening, person).statusCode()).isEqualTo(200);
        HttpResponse<String> overlap = api.send("POST", "/api/sessions/" + early + "/enrolment",
                tokens.token(person, "participant"), "es");
        assertThat(overlap.statusCode()).as(overlap.body()).isEqualTo(409);
        JsonNode refused = api.read(overlap);
        assertThat(refused.get("type").asString()).endsWith("/enrolment-overlap");
        assertThat(refused.get("detail").asString()).contains("2027-11-11 22:00–2027-11-12 01:00");
        assertThat(refused.get("session").get("id").asString()).isEqualTo(evening);

        JsonNode agenda = api.read(api.get("/api/sessions/me/agenda?conference=" + casablanca
                + "&tz=America/Santiago", tokens.token(person, "participant")));
        JsonNode mine = agenda.get("sessions").get(0).get("session");
        assertThat(mine.get("id").asString()).isEqualTo(evening);
        assertThat(mine.get("start").asString()).isEqualTo("2027-11-11T18:00:00-03:00");
        assertThat(mine.get("end").asString()).isEqualTo("2027-11-11T21:00:00-03:00");
        assertThat(mine.get("crossesMidnight").asBoolean()).isFalse();
        assertThat(mine.get("day").asString()).isEqualTo("2027-11-11");
    }

    @Test
    void conclusionsOfABreakoutEndingAfterMidnightLockAtTheWrapUpAfterIt() {
        schedule(casablanca, "evening-wrap-up", "WRAP_UP", "2027-11-11", "23:30", "23:59", "Plenary hall", null);
        schedule(casablanca, "morning-wrap-up", "WRAP_UP", "2027-11-12", "09:00", "10:00", "Plenary hall", null);
        String overnight = id(schedule(casablanca, "night-breakout", "BREAKOUT", "2027-11-11", "22:00", "01:00",
                "Riad hall", null));
        String lastNight = id(schedule(casablanca, "last-night", "BREAKOUT", "2027-11-12", "22:00", "01:00",
                "Riad hall", null));

        JsonNode lock = lock(overnight);
        assertThat(lock.get("source").asString()).isEqualTo("WRAP_UP");
        assertThat(lock.get("wrapUpSessionId").asString()).as("not the wrap-up starting while it runs")
                .isEqualTo(ProgrammeSession.idFor(casablanca, "morning-wrap-up"));
        assertThat(lock.get("lockAt").asString()).isEqualTo("2027-11-12T09:00+01:00");
        JsonNode last = lock(lastNight);
        assertThat(last.get("source").asString()).isEqualTo("CONFERENCE_END");
        assertThat(last.get("lockAt").asString()).as("the end of the day it ends, not the moment it ends")
                .isEqualTo("2027-11-14T00:00+01:00");

        String dayLock = "/api/sessions/conferences/" + casablanca + "/days/2027-11-11/conclusions-lock";
        HttpResponse<String> beforeItEnds = api.json("PUT", dayLock, tokens.organiser(),
                "{\"lockAt\": \"2027-11-12T00:30:00+01:00\"}", "en");
        assertThat(beforeItEnds.statusCode()).as("the day's last breakout ends at 01:00 the next day").isEqualTo(400);
        assertThat(beforeItEnds.body()).contains("2027-11-12T01:00");

        clock.setTo(OffsetDateTime.parse("2027-11-12T01:30:00+01:00").toInstant());
        assertThat(postConclusions(overnight).statusCode()).as("after midnight, before the wrap-up").isEqualTo(200);
        assertThat(api.json("PUT", dayLock, tokens.organiser(), "{\"lockAt\": \"2027-11-12T02:00:00+01:00\"}")
                .statusCode()).isEqualTo(200);
        assertThat(lock(overnight).get("source").asString()).isEqualTo("DAY");
        clock.setTo(OffsetDateTime.parse("2027-11-12T02:00:00+01:00").toInstant());
        HttpResponse<String> locked = postConclusions(overnight);
        assertThat(locked.statusCode()).isEqualTo(409);
        assertThat(api.read(locked).get("lockedAt").asString()).isEqualTo("2027-11-12T02:00+01:00");
    }

    // ---- helpers --------------------------------------------------------------------------------

    private String conference(String prefix, String zone, String first, String last) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder days = new StringBuilder();
        for (var d = java.time.LocalDate.parse(first); !d.isAfter(java.time.LocalDate.parse(last)); d = d.plusDays(1)) {
            days.append(days.isEmpty() ? "" : ", ").append("{\"date\": \"").append(d).append("\"}");
        }
        HttpResponse<String> created = api.json("POST", "/api/sessions/conferences", tokens.organiser(), """
                {"id": "%s", "name": {"en": "Evenings", "fr": "Soirées", "es": "Veladas"}, "timeZone": "%s",
                 "languages": ["en", "fr", "es"], "startDate": "%s", "endDate": "%s", "days": [%s]}"""
                .formatted(id, zone, first, last, days));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return id;
    }

    private HttpResponse<String> schedule(String conference, String key, String kind, String day, String start,
            String end, String room, String language) {
        String body = """
                {"key": "%s", "kind": "%s", "day": "%s", "start": "%s", "end": "%s", "room": %s,
                 "format": "HYBRID", "floorLanguages": ["en", "fr"], "moderatorIds": ["%s"],
                 "title": {"en": "%s", "fr": "%s (fr)", "es": "%s (es)"}}"""
                .formatted(key, kind, day, start, end, room == null ? "null" : "\"" + room + "\"", moderator, key,
                        key, key);
        String path = "/api/sessions/conferences/" + conference + "/sessions";
        return language == null ? api.json("POST", path, tokens.organiser(), body)
                : api.json("POST", path, tokens.organiser(), body, language);
    }

    private String id(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return api.read(created).get("id").asString();
    }

    private long programmeVersion(String conference) {
        return api.read(api.get("/api/sessions/conferences/" + conference, tokens.participant()))
                .get("programmeVersion").asLong();
    }

    private static List<String> keysOn(JsonNode programme, String date) {
        List<String> keys = new ArrayList<>();
        for (JsonNode day : programme.get("days")) {
            if (day.get("date").asString().equals(date)) {
                day.get("sessions").forEach(s -> keys.add(s.get("key").asString()));
            }
        }
        return keys;
    }

    private List<ProgrammeApi.Event> awaitEvent(String sessionId, String type, int count) {
        List<ProgrammeApi.Event> found = new ArrayList<>();
        await().atMost(DEADLINE).until(() -> {
            found.clear();
            api.events().stream().filter(e -> sessionId.equals(e.key()) && e.type().equals(type)).forEach(found::add);
            return found.size() >= count;
        });
        return found;
    }

    private JsonNode lock(String sessionId) {
        HttpResponse<String> response = api.get("/api/sessions/" + sessionId + "/conclusions/lock",
                tokens.token(moderator, "participant"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return api.read(response);
    }

    private HttpResponse<String> postConclusions(String sessionId) {
        return api.json("PUT", "/api/sessions/" + sessionId + "/conclusions", tokens.token(moderator, "participant"),
                """
                {"language": "fr", "summary": "La nuit, les villes vivent autrement.", "sdgs": [11]}""");
    }

    private HttpResponse<String> enrol(String sessionId, String registrationId) {
        return api.post("/api/sessions/" + sessionId + "/enrolment", tokens.token(registrationId, "participant"));
    }

    /**
     * A participant of the conference, approved by the registration service, as the session service learns it
     * from events.
     */
    private String approvedParticipant(String conference) {
        String id = UUID.randomUUID().toString();
        publish(new RegistrationSubmitted(id, conference, "REMOTE", "es", "CL"));
        publish(new RegistrationApproved(id, conference, "REMOTE", "es", null, "America/Santiago",
                List.of("participant")));
        await().atMost(DEADLINE).until(() -> directory.find(id).map(ParticipantView::status)
                .filter("APPROVED"::equals).isPresent());
        return id;
    }

    private void publish(EventPayload payload) {
        CloudEvent event = codec.wrap("registration-service", payload);
        KafkaProbe.shared().send(topics.physical("registration.events"), event.subject(), codec.toJson(event));
    }
}
