package dev.hybridconf.session.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.testinfra.EventSchemaAssertions;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.TestTokens;
import dev.hybridconf.testinfra.TranslationAssertions;
import tools.jackson.databind.JsonNode;

/**
 * Organisers build a programme over real HTTP on a real Kafka broker and Redis: conference and days,
 * sessions scheduled, moved to another day, changed and cancelled, each change one programme
 * version with its events and changelog entry; a room clash is refused naming both sessions and
 * writes nothing; participants read but never write.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
class ProgrammeManagementTests {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String MODERATOR = "3f6c1f43-56a8-4d8e-9a34-3c2bb0f0e8a1";

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

    private final TestTokens tokens = TestTokens.shared();
    private ProgrammeApi api;
    private String conference;

    @BeforeEach
    void conference() {
        api = new ProgrammeApi(port, bootstrap, topics.physical("session.events"));
        conference = "conf-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = api.json("POST", "/api/sessions/conferences", tokens.organiser(), """
                {"id": "%s", "name": {"en": "Local Action", "fr": "Action locale", "es": "Acción local"},
                 "timeZone": "Europe/Madrid", "languages": ["en", "fr", "es"], "startDate": "2024-11-07",
                 "endDate": "2024-11-08", "invitationOnly": true,
                 "days": [{"date": "2024-11-07", "theme": {"en": "Policy", "fr": "Politiques", "es": "Políticas"}}]}"""
                .formatted(conference));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> day = api.json("PUT", "/api/sessions/conferences/" + conference + "/days/2024-11-08",
                tokens.organiser(), """
                        {"theme": {"en": "Finance", "fr": "Financement", "es": "Financiación"}}""");
        assertThat(day.statusCode()).as(day.body()).isEqualTo(200);
    }

    @Test
    void aScheduledSessionIsPublishedWithWhatZoomProvisioningNeedsAndNoPersonalData() {
        HttpResponse<String> created = schedule("livelihoods", "BREAKOUT", "2024-11-07", "11:30", "13:00", "Room A",
                "Cities create livelihoods");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode session = api.read(created);
        String id = session.get("id").asString();
        assertThat(created.headers().firstValue("Location")).as("under the public base URL (default: the local gateway)")
                .hasValue("http://localhost:8080/api/sessions/" + id);
        assertThat(session.get("start").asString()).isEqualTo("2024-11-07T11:30:00+01:00");
        assertThat(session.get("version").asLong()).isEqualTo(1);

        ProgrammeApi.Event event = awaitEvent(id, "session.scheduled.v1", 1);
        EventSchemaAssertions.assertValidEvent(event.raw());
        JsonNode data = event.data();
        assertThat(data.get("conferenceId").asString()).isEqualTo(conference);
        assertThat(data.get("kind").asString()).isEqualTo("BREAKOUT");
        assertThat(data.get("start").asString()).isEqualTo("2024-11-07T10:30:00Z");
        assertThat(data.get("end").asString()).isEqualTo("2024-11-07T12:00:00Z");
        assertThat(data.get("timeZone").asString()).isEqualTo("Europe/Madrid");
        assertThat(data.get("format").asString()).isEqualTo("HYBRID");
        assertThat(data.get("floorLanguages")).extracting(JsonNode::asString).containsExactly("en", "fr");
        assertThat(data.get("publiclyStreamed").asBoolean()).isTrue();
        assertThat(data.get("capacity").asInt()).isEqualTo(40);
        assertThat(data.get("moderatorIds")).extracting(JsonNode::asString).containsExactly(MODERATOR);
        assertThat(event.raw()).doesNotContain("Amina Diallo");
        ProgrammeApi.Event published = awaitEvent(conference, "conference.published.v1", 1);
        EventSchemaAssertions.assertValidEvent(published.raw());
    }

    @Test
    void movingASessionToAnotherDayPublishesExactlyOneRescheduleAndIsInTheChangelog() {
        String id = api.read(schedule("financing", "PLENARY", "2024-11-07", "09:30", "11:00", "Auditorium",
                "Financing innovation")).get("id").asString();

        HttpResponse<String> moved = api.json("POST", "/api/sessions/" + id + "/move", tokens.organiser(), """
                {"day": "2024-11-08", "start": "09:15", "end": "11:00"}""");

        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(api.read(moved).get("day").asString()).isEqualTo("2024-11-08");
        assertThat(api.read(moved).get("start").asString()).isEqualTo("2024-11-08T09:15:00+01:00");
        ProgrammeApi.Event rescheduled = awaitEvent(id, "session.rescheduled.v1", 1);
        EventSchemaAssertions.assertValidEvent(rescheduled.raw());
        assertThat(rescheduled.data().get("previousDay").asString()).isEqualTo("2024-11-07");
        assertThat(rescheduled.data().get("previousStart").asString()).isEqualTo("2024-11-07T08:30:00Z");
        assertThat(rescheduled.data().get("day").asString()).isEqualTo("2024-11-08");
        assertThat(rescheduled.data().get("start").asString()).isEqualTo("2024-11-08T08:15:00Z");
        List<ProgrammeApi.Event> mine = api.events(conference).stream().filter(e -> id.equals(e.key())).toList();
        assertThat(mine).extracting(ProgrammeApi.Event::type)
                .containsExactly("session.scheduled.v1", "session.rescheduled.v1");

        JsonNode changelog = api.read(api.get("/api/sessions/conferences/" + conference + "/changelog",
                tokens.participant()));
        assertThat(changelog.get("programmeVersion").asLong()).isEqualTo(4);
        JsonNode last = changelog.get("entries").get(3);
        assertThat(last.get("version").asLong()).isEqualTo(4);
        assertThat(last.get("changes").get(0).get("type").asString()).isEqualTo("SESSION_RESCHEDULED");
        assertThat(last.get("changes").get(0).get("previousStart").asString()).isEqualTo("2024-11-07T09:30:00+01:00");
        assertThat(api.read(api.get("/api/sessions/conferences/" + conference + "/changelog?since=3",
                tokens.participant())).get("entries")).hasSize(1);
    }

    @Test
    void aRoomClashIsRefusedNamingBothSessionsAndNothingIsWritten() {
        String first = api.read(schedule("procurement", "PLENARY", "2024-11-07", "16:00", "17:30", "Auditorium",
                "Innovating in procurement")).get("id").asString();
        long version = programmeVersion();

        HttpResponse<String> clash = schedule("mayors", "PLENARY", "2024-11-07", "17:00", "18:00", "auditorium ",
                "Global Mayors Challenge");

        assertThat(clash.statusCode()).as(clash.body()).isEqualTo(409);
        assertThat(clash.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = api.read(clash);
        assertThat(problem.get("type").asString()).isEqualTo("https://hybridconf.dev/problems/room-clash");
        assertThat(problem.get("detail").asString())
                .contains("Innovating in procurement (2024-11-07 16:00–17:30 (Europe/Madrid))")
                .contains("Global Mayors Challenge (2024-11-07 17:00–18:00 (Europe/Madrid))");
        assertThat(problem.get("sessions")).extracting(s -> s.get("id").asString())
                .containsExactly(first, ProgrammeSession.idFor(conference, "mayors"));
        assertThat(programmeVersion()).isEqualTo(version);
        assertThat(api.get("/api/sessions/" + ProgrammeSession.idFor(conference, "mayors"), tokens.organiser())
                .statusCode()).isEqualTo(404);

        HttpResponse<String> toAnotherRoom = api.json("POST", "/api/sessions/" + first + "/move", tokens.organiser(), """
                {"day": "2024-11-07", "start": "16:00", "end": "17:30", "room": "Sala B"}""");
        assertThat(toAnotherRoom.statusCode()).as("the first session can still move to another room").isEqualTo(200);
    }

    @Test
    void organisersBookingOneRoomAtOnceNeverDoubleBookIt() throws Exception {
        List<java.util.concurrent.Callable<HttpResponse<String>>> bookings = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String key = "contender-" + i;
            bookings.add(() -> schedule(key, "SIDE_EVENT", "2024-11-08", "15:00", "16:00", "Sala Mirador", key));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        List<HttpResponse<String>> answers = new ArrayList<>();
        try {
            for (var answer : pool.invokeAll(bookings)) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers).filteredOn(a -> a.statusCode() == 201).hasSize(1);
        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isIn(201, 409));
        JsonNode programme = api.read(api.get("/api/sessions/conferences/" + conference
                + "/programme?day=2024-11-08", tokens.participant()));
        assertThat(programme.get("days").get(0).get("sessions")).hasSize(1);
        assertThat(programmeVersion()).as("create, day, the one booking").isEqualTo(3);
    }

    @Test
    void breakoutsOfOneSlotRunInParallelInDifferentRooms() {
        for (String room : List.of("Room 1", "Room 2", "Room 3", "Room 4", "Room 5")) {
            HttpResponse<String> created = api.json("POST", "/api/sessions/conferences/" + conference + "/sessions",
                    tokens.organiser(), session("group-" + room.charAt(5), "BREAKOUT", "2024-11-07", "14:00", "15:30",
                            room, "Group " + room, ", \"slot\": \"d1-groups\""));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }

        JsonNode programme = api.read(api.get("/api/sessions/conferences/" + conference + "/programme?kind=breakout",
                tokens.participant()));
        assertThat(programme.get("days").get(0).get("sessions")).hasSize(5)
                .allSatisfy(s -> assertThat(s.get("slot").asString()).isEqualTo("d1-groups"));
    }

    @Test
    void changingDetailsUpdatesAndCancellingCancelsOnce() {
        String id = api.read(schedule("visualising", "PLENARY", "2024-11-08", "11:30", "13:00", "Auditorium",
                "Visualising innovation")).get("id").asString();

        HttpResponse<String> updated = api.json("PUT", "/api/sessions/" + id, tokens.organiser(),
                session("visualising", "PLENARY", "2024-11-08", "11:30", "13:00", "Sala B", "Visualising innovation",
                        ", \"format\": \"ONLINE\""));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        ProgrammeApi.Event event = awaitEvent(id, "session.updated.v1", 1);
        EventSchemaAssertions.assertValidEvent(event.raw());
        assertThat(event.data().get("changed")).extracting(JsonNode::asString).containsExactly("room", "format");

        assertThat(api.post("/api/sessions/" + id + "/cancel", tokens.organiser()).statusCode()).isEqualTo(200);
        HttpResponse<String> again = api.post("/api/sessions/" + id + "/cancel", tokens.organiser());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(api.read(again).get("status").asString()).isEqualTo("CANCELLED");
        ProgrammeApi.Event cancelled = awaitEvent(id, "session.cancelled.v1", 1);
        EventSchemaAssertions.assertValidEvent(cancelled.raw());
        HttpResponse<String> changeCancelled = api.json("POST", "/api/sessions/" + id + "/move", tokens.organiser(), """
                {"day": "2024-11-08", "start": "15:00", "end": "16:00"}""");
        assertThat(changeCancelled.statusCode()).isEqualTo(409);
        assertThat(programmeVersion()).as("create, day, schedule, update, cancel; the second cancel changed nothing")
                .isEqualTo(5);
        assertThat(api.events(conference).stream().filter(e -> id.equals(e.key())))
                .extracting(ProgrammeApi.Event::type)
                .containsExactly("session.scheduled.v1", "session.updated.v1", "session.cancelled.v1");
    }

    @Test
    void registrationTermsArePublishedWithTheConferenceAndAChangeIsOneUpdate() {
        String terms = """
                {"name": {"en": "Local Action", "fr": "Action locale", "es": "Acción local"}, "timeZone": "Europe/Madrid",
                 "languages": ["en", "fr", "es"], "startDate": "2024-11-07", "endDate": "2024-11-08", "invitationOnly": true,
                 "registration": {"inPersonCapacity": 80, "remoteCapacity": 500,
                                  "opensAt": "2024-09-01T09:00:00+02:00", "closesAt": "2024-11-06T18:00:00+01:00"}}""";
        long before = programmeVersion();

        HttpResponse<String> changed = api.json("PUT", "/api/sessions/conferences/" + conference, tokens.organiser(), terms);
        HttpResponse<String> again = api.json("PUT", "/api/sessions/conferences/" + conference, tokens.organiser(), terms);

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        JsonNode registration = api.read(changed).get("registration");
        assertThat(registration.get("inPersonCapacity").asInt()).isEqualTo(80);
        assertThat(registration.get("remoteCapacity").asInt()).isEqualTo(500);
        assertThat(registration.get("opensAt").asString()).isEqualTo("2024-09-01T09:00:00+02:00");
        assertThat(registration.get("closesAt").asString()).isEqualTo("2024-11-06T18:00:00+01:00");
        assertThat(api.read(api.get("/api/sessions/conferences/" + conference + "?tz=America/Bogota",
                tokens.participant())).get("registration").get("opensAt").asString()).isEqualTo("2024-09-01T02:00:00-05:00");
        assertThat(programmeVersion()).as("the same terms twice are one change").isEqualTo(before + 1);
        // the day added in set-up, then the terms; the outbox relays them in the background
        ProgrammeApi.Event update = awaitEvent(conference, "conference.updated.v1", 2);
        EventSchemaAssertions.assertValidEvent(update.raw());
        JsonNode published = update.data().get("registration");
        assertThat(published.get("inPersonCapacity").asInt()).isEqualTo(80);
        assertThat(published.get("remoteCapacity").asInt()).isEqualTo(500);
        assertThat(published.get("opensAt").asString()).isEqualTo("2024-09-01T07:00:00Z");
        assertThat(published.get("closesAt").asString()).isEqualTo("2024-11-06T17:00:00Z");
        assertThat(update.data().get("invitationOnly").asBoolean()).isTrue();
        JsonNode entry = api.read(api.get("/api/sessions/conferences/" + conference + "/changelog?since=" + before,
                tokens.organiser())).get("entries").get(0);
        assertThat(entry.get("changes").get(0).get("fields").toString()).contains("registration");
        JsonNode listed = java.util.stream.StreamSupport.stream(api.read(api.get("/api/sessions/conferences", null))
                .spliterator(), false).filter(c -> conference.equals(c.get("id").asString())).findFirst().orElseThrow();
        assertThat(listed.get("registration").get("remoteCapacity").asInt()).isEqualTo(500);
        assertThat(listed.get("invitationOnly").asBoolean()).isTrue();
    }

    @Test
    void badRegistrationTermsAreRefusedNamingEachFieldInTheReadersLanguage() {
        String prefix = """
                {"name": {"en": "Local Action", "fr": "Action locale", "es": "Acción local"}, "timeZone": "Europe/Madrid",
                 "languages": ["en", "fr", "es"], "startDate": "2024-11-07", "endDate": "2024-11-08", "registration": """;
        long before = programmeVersion();

        HttpResponse<String> wrong = api.json("PUT", "/api/sessions/conferences/" + conference, tokens.organiser(),
                prefix + """
                        {"inPersonCapacity": -1, "remoteCapacity": 99999999999999999999, "opensAt": "tomorrow",
                         "closesAt": "2024-11-06", "seats": 3}}""", "fr");
        HttpResponse<String> backwards = api.json("PUT", "/api/sessions/conferences/" + conference, tokens.organiser(),
                prefix + """
                        {"opensAt": "2024-11-06T18:00:00+01:00", "closesAt": "2024-09-01T09:00:00+02:00"}}""", "es");
        HttpResponse<String> notAnObject = api.json("PUT", "/api/sessions/conferences/" + conference,
                tokens.organiser(), prefix + "100}", "en");

        assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(400);
        assertThat(fields(wrong)).containsExactlyInAnyOrder("registration.inPersonCapacity",
                "registration.remoteCapacity", "registration.opensAt", "registration.closesAt", "registration.seats");
        assertThat(api.read(wrong).get("errors").toString()).contains("places");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(fields(backwards)).containsExactly("registration.closesAt");
        assertThat(api.read(backwards).get("errors").get(0).get("message").asString()).contains("apertura");
        assertThat(notAnObject.statusCode()).isEqualTo(400);
        assertThat(fields(notAnObject)).containsExactly("registration");
        assertThat(programmeVersion()).as("nothing written").isEqualTo(before);
    }

    private List<String> fields(HttpResponse<String> response) {
        List<String> fields = new ArrayList<>();
        api.read(response).get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    @Test
    void badRequestsAreProblemsNamingTheirFieldsAndUnknownIdsAreNotFound() {
        HttpResponse<String> wholeDay = schedule("x", "PLENARY", "2024-11-07", "11:00", "11:00", null, "Whole day");
        HttpResponse<String> offDays = schedule("y", "PLENARY", "2024-11-09", "10:00", "11:00", null, "Saturday");
        HttpResponse<String> noSuchConference = api.json("POST", "/api/sessions/conferences/nope/sessions",
                tokens.organiser(), session("z", "PLENARY", "2024-11-07", "10:00", "11:00", null, "Z", ""));
        HttpResponse<String> noSuchSession = api.json("POST", "/api/sessions/" + UUID.randomUUID() + "/move",
                tokens.organiser(), "{\"day\": \"2024-11-07\", \"start\": \"10:00\", \"end\": \"11:00\"}");
        HttpResponse<String> gap = api.json("PUT", "/api/sessions/conferences/" + conference, tokens.organiser(), """
                {"name": {"en": "Local Action", "fr": "Action locale", "es": "Acción local"}, "timeZone": "Europe/Madrid",
                 "languages": ["en", "fr", "es"], "startDate": "2024-11-09", "endDate": "2024-11-07"}""");

        assertThat(wholeDay.statusCode()).isEqualTo(400);
        assertThat(api.read(wholeDay).get("errors").get(0).get("field").asString()).isEqualTo("end");
        assertThat(offDays.statusCode()).isEqualTo(400);
        assertThat(api.read(offDays).get("errors").get(0).get("field").asString()).isEqualTo("day");
        assertThat(noSuchConference.statusCode()).isEqualTo(404);
        assertThat(noSuchSession.statusCode()).isEqualTo(404);
        assertThat(gap.statusCode()).isEqualTo(400);
        assertThat(api.read(gap).get("errors").toString()).contains("endDate");
        assertThat(List.of(wholeDay, offDays, noSuchConference, noSuchSession, gap)).allSatisfy(response -> assertThat(
                response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json"));
        assertThat(programmeVersion()).isEqualTo(2);
    }

    @Test
    void participantsReadTheProgrammeButCannotChangeIt() {
        String id = api.read(schedule("welcome", "OPENING", "2024-11-07", "09:00", "09:30", "Auditorium",
                "Institutional welcome")).get("id").asString();
        String participant = tokens.participant();
        String body = session("p", "PLENARY", "2024-11-07", "12:00", "13:00", null, "P", "");

        List<HttpResponse<String>> writes = List.of(
                api.json("POST", "/api/sessions/conferences", participant, "{\"id\": \"mine\"}"),
                api.json("PUT", "/api/sessions/conferences/" + conference, participant, "{}"),
                api.json("PUT", "/api/sessions/conferences/" + conference + "/days/2024-11-08", participant, "{}"),
                api.json("POST", "/api/sessions/conferences/" + conference + "/sessions", participant, body),
                api.json("PUT", "/api/sessions/" + id, participant, body),
                api.json("POST", "/api/sessions/" + id + "/move", participant, "{}"),
                api.post("/api/sessions/" + id + "/cancel", participant),
                api.json("PUT", "/api/sessions/conferences/" + conference + "/programme", participant, "{}"),
                api.json("POST", "/api/sessions/programmes", participant, "{}"));
        List<HttpResponse<String>> reads = List.of(
                api.get("/api/sessions/conferences", participant),
                api.get("/api/sessions/conferences/" + conference, participant),
                api.get("/api/sessions/conferences/" + conference + "/programme", participant),
                api.get("/api/sessions/conferences/" + conference + "/changelog", participant),
                api.get("/api/sessions/" + id, participant));

        assertThat(writes).allSatisfy(response -> {
            assertThat(response.statusCode()).as(response.request().uri().toString()).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        });
        assertThat(reads).allSatisfy(response -> assertThat(response.statusCode())
                .as(response.request().uri().toString()).isEqualTo(200));
        // The list of conferences is public (the portal offers them to people registering); the rest is not.
        assertThat(api.get("/api/sessions/conferences", null).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/sessions/conferences/" + conference, null).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/sessions/conferences/" + conference + "/programme", null).statusCode()).isEqualTo(401);
        assertThat(programmeVersion()).isEqualTo(3);
    }

    @Test
    void everyMessageExistsInEnglishFrenchAndSpanish() {
        TranslationAssertions.assertCompleteInEnglishFrenchAndSpanish("i18n/messages");
    }

    private HttpResponse<String> schedule(String key, String kind, String day, String start, String end, String room,
            String title) {
        return api.json("POST", "/api/sessions/conferences/" + conference + "/sessions", tokens.organiser(),
                session(key, kind, day, start, end, room, title, ""));
    }

    private static String session(String key, String kind, String day, String start, String end, String room,
            String title, String extra) {
        String format = extra.contains("\"format\"") ? "" : ", \"format\": \"HYBRID\"";
        // Only a breakout takes enrolments, so only a breakout has a capacity.
        String capacity = "BREAKOUT".equals(kind) ? " \"capacity\": 40," : "";
        return """
                {"key": "%s", "kind": "%s", "day": "%s", "start": "%s", "end": "%s"%s%s,
                 "floorLanguages": ["en", "fr"], "publiclyStreamed": true,%s
                 "moderatorIds": ["%s"], "speakers": ["Amina Diallo"],
                 "title": {"en": "%s", "fr": "%s (fr)", "es": "%s (es)"}%s}"""
                .formatted(key, kind, day, start, end, room == null ? "" : ", \"room\": \"" + room + "\"", format,
                        capacity, MODERATOR, title, title, title, extra);
    }

    private long programmeVersion() {
        return api.read(api.get("/api/sessions/conferences/" + conference, tokens.organiser()))
                .get("programmeVersion").asLong();
    }

    /** Waits for exactly {@code count} events of a type keyed by a session or the conference; returns the last. */
    private ProgrammeApi.Event awaitEvent(String key, String type, int count) {
        List<ProgrammeApi.Event> found = new ArrayList<>();
        await().atMost(DEADLINE).until(() -> {
            found.clear();
            api.events(conference).stream().filter(e -> key.equals(e.key()) && e.type().equals(type))
                    .forEach(found::add);
            return found.size() >= count;
        });
        assertThat(found).hasSize(count);
        return found.get(found.size() - 1);
    }
}
