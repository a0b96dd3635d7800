package dev.hybridconf.session.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.EventPayload;
import dev.hybridconf.contracts.registration.ParticipantErased;
import dev.hybridconf.contracts.registration.RegistrationApproved;
import dev.hybridconf.contracts.registration.RegistrationSubmitted;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.session.participants.ParticipantDirectory;
import dev.hybridconf.session.participants.ParticipantView;
import dev.hybridconf.testinfra.EventSchemaAssertions;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Breakout enrolment over real HTTP with real tokens on a real Kafka broker and Redis: approved
 * participants take places that are never oversold however many ask at once, the rest wait in
 * order and are promoted when a place frees (by leaving, by an erasure), overlapping breakouts and
 * unapproved participants are refused, a cancelled breakout releases everyone, the personal agenda
 * reads in Seoul time, and only organisers and moderators read a breakout's list.
 * (In this package to share the programme tests' token issuer and API client.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PlatformInfrastructure
class BreakoutEnrolmentTests {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String MODERATOR = "7d1e2c3b-4a5f-4e6d-8c7b-9a0f1e2d3c4b";

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

    private final TestTokens tokens = TestTokens.shared();
    private final EventCodec codec = new EventCodec();
    private ProgrammeApi api;
    private String conference;
    private String plenary;
    private String breakoutA;
    private String breakoutB;
    private String evening;

    @BeforeEach
    void programme() {
        api = new ProgrammeApi(port, bootstrap, topics.physical("session.events"));
        conference = api.createLocalAction("enrol", tokens.organiser());
        plenary = schedule("opening-plenary", "PLENARY", "09:30", "11:00", "Auditorium", null, "Opening plenary");
        breakoutA = schedule("breakout-a", "BREAKOUT", "11:30", "13:00", "Room A", 5, "Cities create livelihoods");
        breakoutB = schedule("breakout-b", "BREAKOUT", "12:00", "13:30", "Room B", 5, "Financing local action");
        evening = schedule("breakout-c", "BREAKOUT", "15:30", "17:00", "Room C", 1, "Climate and housing");
    }

    @Test
    void twentyAtOnceNeverOversellTheBreakoutTheRestWaitInOrderAndLeavingPromotesTheFirst() throws Exception {
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            people.add(approvedParticipant("REMOTE"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (String person : people) {
                Callable<HttpResponse<String>> enrol = () -> enrol(breakoutA, person);
                answers.add(pool.submit(enrol));
            }
            Set<String> enrolled = new HashSet<>();
            Set<String> waitlisted = new HashSet<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                JsonNode view = api.read(response);
                (view.get("status").asString().equals("ENROLLED") ? enrolled : waitlisted)
                        .add(view.get("registrationId").asString());
            }
            assertThat(enrolled).hasSize(5);
            assertThat(waitlisted).hasSize(15);

            JsonNode list = api.read(api.get("/api/sessions/" + breakoutA + "/enrolments", tokens.organiser()));
            assertThat(list.get("enrolled").asLong()).isEqualTo(5);
            assertThat(strings(list.get("enrolledIds"))).containsExactlyInAnyOrderElementsOf(enrolled);
            List<String> waitlist = strings(list.get("waitlist"));
            assertThat(waitlist).containsExactlyInAnyOrderElementsOf(waitlisted);
            JsonNode places = api.read(api.get("/api/sessions/" + breakoutA + "/places", tokens.participant()));
            assertThat(places.get("available").asLong()).isZero();
            assertThat(places.get("waiting").asLong()).isEqualTo(15);

            List<ProgrammeApi.Event> events = awaitEvents(breakoutA, "session.enrolled.v1", 20);
            events.forEach(event -> EventSchemaAssertions.assertValidEvent(event.raw()));
            // The topic is keyed by breakout: the waiting list is in the order the waitlistings were committed
            // (two in the same millisecond are ordered by id, as in ADR 0004).
            assertThat(events.stream().filter(e -> e.data().get("status").asString().equals("WAITLISTED"))
                    .map(e -> e.data().get("registrationId").asString()).toList())
                    .containsExactlyInAnyOrderElementsOf(waitlist);
            assertThat(events.get(0).data().get("attendanceMode").asString()).isEqualTo("REMOTE");

            String leaving = enrolled.iterator().next();
            HttpResponse<String> left = api.json("DELETE", "/api/sessions/" + breakoutA + "/enrolment",
                    tokens.token(leaving, "participant"), null);
            assertThat(left.statusCode()).as(left.body()).isEqualTo(204);

            ProgrammeApi.Event promoted = awaitEvents(breakoutA, "session.enrolment-promoted.v1", 1).get(0);
            EventSchemaAssertions.assertValidEvent(promoted.raw());
            assertThat(promoted.data().get("registrationId").asString()).isEqualTo(waitlist.get(0));
            ProgrammeApi.Event cancelled = awaitEvents(breakoutA, "session.enrolment-cancelled.v1", 1).get(0);
            EventSchemaAssertions.assertValidEvent(cancelled.raw());
            assertThat(cancelled.data().get("registrationId").asString()).isEqualTo(leaving);
            assertThat(cancelled.data().get("reason").asString()).isEqualTo("LEFT");
            assertThat(cancelled.data().get("placeReleased").asBoolean()).isTrue();
            JsonNode after = api.read(api.get("/api/sessions/" + breakoutA + "/enrolments", tokens.organiser()));
            assertThat(after.get("enrolled").asLong()).isEqualTo(5);
            assertThat(strings(after.get("enrolledIds"))).contains(waitlist.get(0)).doesNotContain(leaving);
            assertThat(strings(after.get("waitlist"))).isEqualTo(waitlist.subList(1, waitlist.size()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void enrollingTwiceChangesNothingAndAnOverlappingBreakoutIsRefusedNamingTheOther() {
        String person = approvedParticipant("IN_PERSON");
        assertThat(api.read(enrol(breakoutA, person)).get("changed").asBoolean()).isTrue();
        JsonNode again = api.read(enrol(breakoutA, person));
        assertThat(again.get("status").asString()).isEqualTo("ENROLLED");
        assertThat(again.get("changed").asBoolean()).isFalse();

        HttpResponse<String> refused = api.send("POST", "/api/sessions/" + breakoutB + "/enrolment",
                tokens.token(person, "participant"), "fr");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = api.read(refused);
        assertThat(problem.get("type").asString()).endsWith("/enrolment-overlap");
        assertThat(problem.get("detail").asString()).contains("Cities create livelihoods (fr)").contains("11:30");
        assertThat(problem.get("session").get("id").asString()).isEqualTo(breakoutA);
        assertThat(problem.get("session").get("enrolment").asString()).isEqualTo("ENROLLED");
        assertThat(api.read(api.get("/api/sessions/" + breakoutB + "/places", tokens.participant()))
                .get("enrolled").asLong()).isZero();
        assertThat(api.events().stream().filter(e -> breakoutA.equals(e.key()))
                .filter(e -> e.type().equals("session.enrolled.v1")).count()).isEqualTo(1);
    }

    @Test
    void aParticipantApprovedForAnotherConferenceCannotTakeAPlaceInThisOnesBreakout() {
        String otherConference = api.createLocalAction("elsewhere", tokens.organiser());
        String elsewhere = UUID.randomUUID().toString();
        publish(new RegistrationSubmitted(elsewhere, otherConference, "REMOTE", "es", "CO"));
        publish(new RegistrationApproved(elsewhere, otherConference, "REMOTE", "es", null, null, List.of("participant")));
        await().atMost(DEADLINE).until(() -> directory.find(elsewhere).map(ParticipantView::status)
                .filter("APPROVED"::equals).isPresent());

        HttpResponse<String> refused = api.send("POST", "/api/sessions/" + breakoutA + "/enrolment",
                tokens.token(elsewhere, "participant"), "es");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(api.read(refused).get("detail").asString()).contains(conference);
        assertThat(api.read(api.get("/api/sessions/" + breakoutA + "/enrolments", tokens.organiser()))
                .toString()).doesNotContain(elsewhere);
        assertThat(api.events().stream().filter(e -> breakoutA.equals(e.key()))
                .noneMatch(e -> e.raw().contains(elsewhere))).isTrue();
    }

    @Test
    void onlyApprovedParticipantsEnrolAndOnlyInBreakouts() {
        String pending = UUID.randomUUID().toString();
        publish(new RegistrationSubmitted(pending, conference, "REMOTE", "es", "CO"));
        await().atMost(DEADLINE).until(() -> directory.find(pending).isPresent());

        HttpResponse<String> notApproved = enrol(breakoutA, pending);
        assertThat(notApproved.statusCode()).isEqualTo(409);
        assertThat(api.read(notApproved).get("type").asString()).endsWith("/registration-not-approved");
        HttpResponse<String> stranger = enrol(breakoutA, UUID.randomUUID().toString());
        assertThat(stranger.statusCode()).isEqualTo(403);
        assertThat(stranger.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        HttpResponse<String> plenaryRefused = enrol(plenary, approvedParticipant("REMOTE"));
        assertThat(plenaryRefused.statusCode()).isEqualTo(409);
        assertThat(api.read(plenaryRefused).get("type").asString()).endsWith("/not-a-breakout");
    }

    @Test
    void thePersonalAgendaShowsPlenariesAndOwnBreakoutsInSeoulTime() {
        String person = approvedParticipant("REMOTE");
        assertThat(enrol(evening, person).statusCode()).isEqualTo(200);
        assertThat(enrol(breakoutA, person).statusCode()).isEqualTo(200);

        JsonNode agenda = api.read(api.get("/api/sessions/me/agenda?conference=" + conference + "&tz=Asia/Seoul",
                tokens.token(person, "participant")));

        assertThat(agenda.get("timeZone").asString()).isEqualTo("Asia/Seoul");
        JsonNode sessions = agenda.get("sessions");
        assertThat(ids(sessions)).containsExactly(plenary, breakoutA, evening);
        assertThat(sessions.get(0).get("enrolment").isNull()).isTrue();
        assertThat(sessions.get(1).get("enrolment").asString()).isEqualTo("ENROLLED");
        assertThat(sessions.get(0).get("session").get("start").asString()).isEqualTo("2024-11-07T17:30:00+09:00");
        JsonNode late = sessions.get(2).get("session");
        assertThat(late.get("start").asString()).isEqualTo("2024-11-07T23:30:00+09:00");
        assertThat(late.get("end").asString()).isEqualTo("2024-11-08T01:00:00+09:00");
        assertThat(late.get("crossesMidnight").asBoolean()).isTrue();
        assertThat(late.get("day").asString()).as("stays under its conference day").isEqualTo("2024-11-07");

        JsonNode someoneElse = api.read(api.get("/api/sessions/me/agenda?conference=" + conference,
                tokens.token(approvedParticipant("REMOTE"), "participant")));
        assertThat(ids(someoneElse.get("sessions"))).containsExactly(plenary);
    }

    @Test
    void erasingAParticipantFreesTheirPlaceAndPromotesTheFirstWaiting() {
        String holder = approvedParticipant("IN_PERSON");
        String waiting = approvedParticipant("REMOTE");
        assertThat(api.read(enrol(evening, holder)).get("status").asString()).isEqualTo("ENROLLED");
        assertThat(api.read(enrol(evening, waiting)).get("status").asString()).isEqualTo("WAITLISTED");

        publish(new ParticipantErased(holder, conference, "IN_PERSON", true));

        ProgrammeApi.Event promoted = awaitEvents(evening, "session.enrolment-promoted.v1", 1).get(0);
        EventSchemaAssertions.assertValidEvent(promoted.raw());
        assertThat(promoted.data().get("registrationId").asString()).isEqualTo(waiting);
        ProgrammeApi.Event released = awaitEvents(evening, "session.enrolment-cancelled.v1", 1).get(0);
        assertThat(released.data().get("registrationId").asString()).isEqualTo(holder);
        assertThat(released.data().get("reason").asString()).isEqualTo("PARTICIPANT_ERASED");
        JsonNode list = api.read(api.get("/api/sessions/" + evening + "/enrolments", tokens.organiser()));
        assertThat(strings(list.get("enrolledIds"))).containsExactly(waiting);
        assertThat(list.get("enrolled").asLong()).isEqualTo(1);
        assertThat(strings(list.get("waitlist"))).isEmpty();
    }

    @Test
    void cancellingABreakoutReleasesItsEnrolmentsAndClosesIt() {
        String person = approvedParticipant("REMOTE");
        assertThat(enrol(breakoutB, person).statusCode()).isEqualTo(200);

        HttpResponse<String> cancelled = api.post("/api/sessions/" + breakoutB + "/cancel", tokens.organiser());
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);

        ProgrammeApi.Event released = awaitEvents(breakoutB, "session.enrolment-cancelled.v1", 1).get(0);
        EventSchemaAssertions.assertValidEvent(released.raw());
        assertThat(released.data().get("registrationId").asString()).isEqualTo(person);
        assertThat(released.data().get("reason").asString()).isEqualTo("SESSION_CANCELLED");
        JsonNode agenda = api.read(api.get("/api/sessions/me/agenda?conference=" + conference,
                tokens.token(person, "participant")));
        assertThat(ids(agenda.get("sessions"))).doesNotContain(breakoutB);
        assertThat(api.read(api.get("/api/sessions/" + breakoutB + "/places", tokens.participant()))
                .get("enrolled").asLong()).isZero();
        HttpResponse<String> again = enrol(breakoutB, person);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(api.read(again).get("type").asString()).endsWith("/session-cancelled");
        // Free again for the overlapping breakout A.
        assertThat(api.read(enrol(breakoutA, person)).get("status").asString()).isEqualTo("ENROLLED");
    }

    @Test
    void onlyOrganisersAndTheBreakoutsModeratorsReadItsListAndModeratorsSeeWhatTheyModerate() {
        String participant = approvedParticipant("REMOTE");
        enrol(breakoutA, participant);

        HttpResponse<String> refused = api.get("/api/sessions/" + breakoutA + "/enrolments",
                tokens.token(participant, "participant"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain(participant);
        HttpResponse<String> moderator = api.get("/api/sessions/" + breakoutA + "/enrolments",
                tokens.token(MODERATOR, "participant", "moderator"));
        assertThat(moderator.statusCode()).as(moderator.body()).isEqualTo(200);
        assertThat(strings(api.read(moderator).get("enrolledIds"))).contains(participant);

        JsonNode moderating = api.read(api.get("/api/sessions/me/moderating?conference=" + conference,
                tokens.token(MODERATOR, "participant", "moderator")));
        assertThat(ids(moderating.get("sessions").valueStream().map(s -> s).toList()))
                .containsExactly(breakoutA, breakoutB, evening);
        JsonNode none = api.read(api.get("/api/sessions/me/moderating?conference=" + conference,
                tokens.token(participant, "participant")));
        assertThat(none.get("sessions")).isEmpty();
    }

    // ---- helpers --------------------------------------------------------------------------------

    private String schedule(String key, String kind, String start, String end, String room, Integer capacity,
            String title) {
        HttpResponse<String> created = api.json("POST", "/api/sessions/conferences/" + conference + "/sessions",
                tokens.organiser(), """
                        {"key": "%s", "kind": "%s", "day": "2024-11-07", "start": "%s", "end": "%s", "room": "%s",
                         "format": "HYBRID", "floorLanguages": ["en"], "capacity": %s, "moderatorIds": ["%s"],
                         "title": {"en": "%s", "fr": "%s (fr)", "es": "%s (es)"}}"""
                        .formatted(key, kind, start, end, room, capacity == null ? "null" : capacity.toString(),
                                MODERATOR, title, title, title));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return api.read(created).get("id").asString();
    }

    private HttpResponse<String> enrol(String sessionId, String registrationId) {
        return api.post("/api/sessions/" + sessionId + "/enrolment", tokens.token(registrationId, "participant"));
    }

    /** A participant approved by the registration service, as the session service learns it from events. */
    private String approvedParticipant(String mode) {
        String id = UUID.randomUUID().toString();
        publish(new RegistrationSubmitted(id, conference, mode, "en", "KR"));
        publish(new RegistrationApproved(id, conference, mode, "en", null, "Asia/Seoul", List.of("participant")));
        await().atMost(DEADLINE).until(() -> directory.find(id).map(ParticipantView::status)
                .filter("APPROVED"::equals).isPresent());
        return id;
    }

    private void publish(EventPayload payload) {
        CloudEvent event = codec.wrap("registration-service", payload);
        KafkaProbe.shared().send(topics.physical("registration.events"), event.subject(), codec.toJson(event));
    }

    private List<ProgrammeApi.Event> awaitEvents(String sessionId, String type, int count) {
        List<ProgrammeApi.Event> found = new ArrayList<>();
        await().atMost(DEADLINE).until(() -> {
            found.clear();
            api.events().stream().filter(e -> sessionId.equals(e.key()) && e.type().equals(type)).forEach(found::add);
            return found.size() >= count;
        });
        return found;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static List<String> ids(JsonNode agendaSessions) {
        List<String> ids = new ArrayList<>();
        agendaSessions.forEach(entry -> ids.add(entry.has("session") ? entry.get("session").get("id").asString()
                : entry.get("id").asString()));
        return ids;
    }

    private static List<String> ids(List<JsonNode> sessions) {
        return sessions.stream().map(s -> s.get("id").asString()).toList();
    }
}
