package dev.hybridconf.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import dev.hybridconf.contracts.session.ConferenceUpdated;
import dev.hybridconf.contracts.session.RegistrationTerms;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.registration.conference.ConferenceCopy;
import dev.hybridconf.registration.identity.TokenIssuer;
import dev.hybridconf.testinfra.EventSchemaAssertions;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A registration belongs to one conference (ADR 0015), on a real broker and Redis, with conferences published
 * on {@code session.events} as the session service publishes them: one person registers for two conferences
 * and each registration lives its own life; places, waiting lists, invitation-only and the registration window
 * are each conference's; a capacity lowered takes nobody's place and a capacity raised is offered at once;
 * erasing one registration leaves the other; an unknown conference is a 404. No default conference here: what
 * was stored before conferences were the boundary stays readable and cannot change.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "platform.registration.capacity.in-person=100", "platform.registration.capacity.remote=100",
        "platform.registration.offer-sweep-interval=1h"})
@PlatformInfrastructure
@Import(TestConferences.Published.class)
class ConferenceBoundaryTests {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    TokenIssuer tokens;

    @Autowired
    TopicNames topics;

    @Autowired
    RedisStore store;

    @Autowired
    TestConferences conferences;

    @Autowired
    ConferenceCopy copy;

    @Autowired
    org.springframework.boot.ApplicationRunner legacyRegistrations;

    private RegistrationHttp api;
    private String a;
    private String b;

    @BeforeEach
    void twoConferences() {
        api = new RegistrationHttp(port, tokens);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        a = "barcelona-" + suffix;
        b = "bogota-" + suffix;
        conferences.publish(a, false, new RegistrationTerms(1, 2, null, null));
        conferences.publish(b, false, new RegistrationTerms(2, 2, null, null));
    }

    @Test
    void onePersonRegistersForTwoConferencesAndEachRegistrationLivesItsOwnLife() throws Exception {
        String email = "Amina." + UUID.randomUUID() + "@dakar.sn";

        HttpResponse<String> inA = api.submit(RegistrationHttp.form(a, email, "IN_PERSON", "fr", null));
        HttpResponse<String> inB = api.submit(RegistrationHttp.form(b, email.toLowerCase(), "REMOTE", "fr", null));
        HttpResponse<String> againInA = api.submit(RegistrationHttp.form(a, email.toUpperCase(), "REMOTE", "fr", null));

        assertThat(inA.statusCode()).as(inA.body()).isEqualTo(201);
        assertThat(inB.statusCode()).as("the same person, another conference").isEqualTo(201);
        assertThat(againInA.statusCode()).as("one registration per address and conference").isEqualTo(409);
        assertThat(againInA.body()).contains("problems/duplicate-registration");
        String idA = api.json(inA).get("id").asString();
        String idB = api.json(inB).get("id").asString();
        assertThat(idA).isNotEqualTo(idB);

        assertThat(api.review(idA, "approve", api.organiser()).statusCode()).isEqualTo(200);
        assertThat(api.review(idB, "waitlist", api.organiser()).statusCode()).isEqualTo(200);
        assertThat(mine(idA).get("status").asString()).isEqualTo("APPROVED");
        assertThat(mine(idA).get("conferenceId").asString()).isEqualTo(a);
        assertThat(mine(idB).get("status").asString()).isEqualTo("WAITLISTED");
        assertThat(mine(idB).get("conferenceId").asString()).isEqualTo(b);

        assertThat(api.post("/api/registrations/me/cancel", api.participant(idA)).statusCode()).isEqualTo(200);
        assertThat(api.status(idA)).isEqualTo("CANCELLED");
        assertThat(api.status(idB)).as("cancelling one registration leaves the other").isEqualTo("WAITLISTED");

        JsonNode approved = data(event(idA, "registration.approved.v1"));
        assertThat(approved.get("conferenceId").asString()).isEqualTo(a);
        EventSchemaAssertions.assertValidEvent(event(idB, "registration.waitlisted.v1"));
        assertThat(data(event(idB, "registration.waitlisted.v1")).get("conferenceId").asString()).isEqualTo(b);
    }

    @Test
    void placesAndWaitingListsAreEachConferencesOwn() {
        String firstInA = registered(a, "IN_PERSON");
        String secondInA = registered(a, "IN_PERSON");
        String firstInB = registered(b, "IN_PERSON");
        String secondInB = registered(b, "IN_PERSON");

        assertThat(api.review(firstInA, "approve", api.organiser()).statusCode()).isEqualTo(200);
        HttpResponse<String> full = api.review(secondInA, "approve", api.organiser());
        assertThat(full.statusCode()).as("conference A has one place in the room").isEqualTo(409);
        assertThat(full.body()).contains("problems/capacity-reached");
        assertThat(api.review(firstInB, "approve", api.organiser()).statusCode()).isEqualTo(200);
        assertThat(api.review(secondInB, "approve", api.organiser()).statusCode())
                .as("conference B's places are its own").isEqualTo(200);
        assertThat(api.review(secondInA, "waitlist", api.organiser()).statusCode()).isEqualTo(200);

        JsonNode capacityA = capacity(a).get("IN_PERSON");
        JsonNode capacityB = capacity(b).get("IN_PERSON");
        assertThat(capacityA.get("limit").asInt()).isEqualTo(1);
        assertThat(capacityA.get("approved").asLong()).isEqualTo(1);
        assertThat(capacityA.get("waiting").asLong()).isEqualTo(1);
        assertThat(capacityB.get("limit").asInt()).isEqualTo(2);
        assertThat(capacityB.get("approved").asLong()).isEqualTo(2);
        assertThat(capacityB.get("waiting").asLong()).isZero();

        assertThat(api.post("/api/registrations/" + firstInB + "/cancel", api.organiser()).statusCode()).isEqualTo(200);
        assertThat(api.status(secondInA)).as("a place freed in B is not offered to someone waiting in A")
                .isEqualTo("WAITLISTED");
        assertThat(api.post("/api/registrations/" + firstInA + "/cancel", api.organiser()).statusCode()).isEqualTo(200);
        await().atMost(DEADLINE).until(() -> "OFFERED".equals(api.status(secondInA)));
    }

    @Test
    void aCapacityLoweredTakesNobodysPlaceAndARaisedOneIsOfferedAtOnce() {
        String first = registered(b, "REMOTE");
        String second = registered(b, "REMOTE");
        String waiting = registered(b, "REMOTE");
        assertThat(api.review(first, "approve", api.organiser()).statusCode()).isEqualTo(200);
        assertThat(api.review(second, "approve", api.organiser()).statusCode()).isEqualTo(200);
        assertThat(api.review(waiting, "waitlist", api.organiser()).statusCode()).isEqualTo(200);

        conferences.update(b, false, new RegistrationTerms(2, 1, null, null));

        assertThat(api.status(first)).isEqualTo("APPROVED");
        assertThat(api.status(second)).as("a lower capacity takes nobody's place").isEqualTo("APPROVED");
        assertThat(capacity(b).get("REMOTE").get("available").asLong()).isZero();
        assertThat(api.post("/api/registrations/" + first + "/cancel", api.organiser()).statusCode()).isEqualTo(200);
        assertThat(api.status(waiting)).as("one place held for a limit of one: nothing to offer").isEqualTo("WAITLISTED");

        conferences.update(b, false, new RegistrationTerms(2, 3, null, null));

        await("the new place is offered without waiting for the hourly sweep").atMost(DEADLINE)
                .until(() -> "OFFERED".equals(api.status(waiting)));
        assertThat(capacity(b).get("REMOTE").get("limit").asInt()).isEqualTo(3);
    }

    @Test
    void theFormIsOpenOnlyInTheConferencesWindowInTheReadersLanguage() {
        Instant now = Instant.now();
        String early = "not-yet-" + UUID.randomUUID().toString().substring(0, 8);
        String late = "too-late-" + UUID.randomUUID().toString().substring(0, 8);
        conferences.publish(early, false, new RegistrationTerms(null, null, now.plus(Duration.ofDays(30)), null));
        conferences.publish(late, false, new RegistrationTerms(null, null, now.minus(Duration.ofDays(30)),
                now.minus(Duration.ofDays(1))));
        String email = "window." + UUID.randomUUID() + "@lima.gob.pe";

        HttpResponse<String> beforeOpening = submit(early, email, "es");
        HttpResponse<String> afterClosing = submit(late, email, "fr");
        HttpResponse<String> english = submit(late, email, "en");

        assertThat(beforeOpening.statusCode()).isEqualTo(409);
        assertThat(beforeOpening.body()).contains("problems/registration-closed").contains("abren el");
        assertThat(afterClosing.statusCode()).isEqualTo(409);
        assertThat(afterClosing.body()).contains("problems/registration-closed").contains("ont fermé le")
                .contains("Conférence " + late);
        assertThat(english.body()).contains("closed on");
        assertThat(api.submit(RegistrationHttp.form(a, email, "REMOTE", "es", null)).statusCode())
                .as("another conference's window is open").isEqualTo(201);

        conferences.update(early, false, new RegistrationTerms(null, null, now.minus(Duration.ofMinutes(1)), null));
        assertThat(submit(early, email, "es").statusCode()).as("open once its opening moved").isEqualTo(201);

        OrganiserApi organiser = new OrganiserApi(port, tokens);
        String csv = "fullName,email,organisation,position,city,country,attendanceMode,preferredLanguage,privacyConsent\n"
                + "Late Comer,late." + UUID.randomUUID() + "@lima.gob.pe,Lima,Mayor,Lima,PE,REMOTE,es,yes\n";
        HttpResponse<String> accepted = organiser.upload("registrations", late,
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv", organiser.organiser(), "en");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode job = organiser.awaitFinished(api.json(accepted).get("id").asString(), DEADLINE);
        assertThat(job.get("succeeded").asLong()).as("organisers may still add people after the window").isEqualTo(1);
    }

    @Test
    void anUnknownConferenceIsNotFoundInTheCallersLanguageAndNothingIsWritten() {
        String email = "nowhere." + UUID.randomUUID() + "@quito.gob.ec";
        long before = store.redis().keys(store.keys().key("registration", "*")).size();

        HttpResponse<String> english = submit("no-such-conference", email, "en");
        HttpResponse<String> french = submit("no-such-conference", email, "fr");
        HttpResponse<String> spanish = submit("no-such-conference", email, "es");

        assertThat(List.of(english, french, spanish)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        });
        assertThat(english.body()).contains("There is no conference no-such-conference");
        assertThat(french.body()).contains("Il n'existe pas de conférence");
        assertThat(spanish.body()).contains("No existe la conferencia");
        assertThat(store.redis().keys(store.keys().key("registration", "*"))).hasSize((int) before);
    }

    @Test
    void erasingOneConferencesRegistrationLeavesThePersonsOther() throws Exception {
        String email = "erase.one." + UUID.randomUUID() + "@freetown.gov.sl";
        String idA = api.register(a, email, "Fatmata Kamara", "REMOTE", "en");
        String idB = api.register(b, email, "Fatmata Kamara", "REMOTE", "en");
        assertThat(api.review(idA, "approve", api.organiser()).statusCode()).isEqualTo(200);
        assertThat(api.review(idB, "approve", api.organiser()).statusCode()).isEqualTo(200);

        assertThat(api.sendJson("DELETE", "/api/registrations/" + idA, api.organiser(), null).statusCode())
                .isEqualTo(204);

        assertThat(api.get("/api/registrations/" + idA, api.organiser()).statusCode()).isEqualTo(404);
        JsonNode other = api.json(api.get("/api/registrations/" + idB, api.organiser()));
        assertThat(other.get("status").asString()).isEqualTo("APPROVED");
        assertThat(other.get("email").asString()).isEqualTo(email);
        assertThat(capacity(a).get("REMOTE").get("approved").asLong()).isZero();
        assertThat(capacity(b).get("REMOTE").get("approved").asLong()).isEqualTo(1);
        String erased = event(idA, "participant.erased.v1");
        EventSchemaAssertions.assertValidEvent(erased);
        assertThat(data(erased).get("conferenceId").asString()).isEqualTo(a);
        assertThat(api.submit(RegistrationHttp.form(b, email, "REMOTE", "en", null)).statusCode())
                .as("still registered for B").isEqualTo(409);
        assertThat(api.submit(RegistrationHttp.form(a, email, "REMOTE", "en", null)).statusCode())
                .as("free again for A").isEqualTo(201);
    }

    @Test
    void aLateOrRepeatedConferenceSnapshotChangesNothing() {
        String id = "replayed-" + UUID.randomUUID().toString().substring(0, 8);
        conferences.publish(id, false, new RegistrationTerms(5, 5, null, null));
        conferences.update(id, true, new RegistrationTerms(7, 9, null, null));
        long held = copy.find(id).orElseThrow().programmeVersion();

        conferences.send(new ConferenceUpdated(id, held - 1, 1, TestConferences.names(id), "Europe/Madrid",
                List.of("en"), java.time.LocalDate.parse("2026-06-01"), java.time.LocalDate.parse("2026-06-01"), false,
                new RegistrationTerms(1, 1, null, null), List.of()));
        conferences.update(id, true, new RegistrationTerms(7, 11, null, null));

        var known = copy.find(id).orElseThrow();
        assertThat(known.invitationOnly()).as("the older snapshot was ignored").isTrue();
        assertThat(known.terms().remoteCapacity()).isEqualTo(11);
        assertThat(known.terms().inPersonCapacity()).isEqualTo(7);
    }

    @Test
    void aRegistrationFromBeforeConferencesWithoutADefaultConferenceIsReadableButCannotChange() throws Exception {
        String id = UUID.randomUUID().toString();
        Map<String, String> old = new java.util.HashMap<>(Map.of("id", id, "version", "1", "status", "PENDING",
                "fullName", "Old Timer", "email", "old." + id + "@example.org", "organisation", "Ayuntamiento",
                "position", "Alcalde", "city", "Sevilla", "country", "ES"));
        old.putAll(Map.of("attendanceMode", "REMOTE", "preferredLanguage", "es", "submittedAt", "2024-10-01T09:00:00Z"));
        store.redis().hset(store.keys().key("registration", id), old);
        store.redis().zadd(store.keys().key("registrations"), 1, id);

        legacyRegistrations.run(null);

        JsonNode read = api.json(api.get("/api/registrations/" + id, api.organiser()));
        assertThat(read.get("status").asString()).isEqualTo("PENDING");
        assertThat(read.get("conferenceId").isNull()).isTrue();
        HttpResponse<String> approve = api.review(id, "approve", api.organiser());
        assertThat(approve.statusCode()).isEqualTo(409);
        assertThat(approve.body()).contains("problems/conference-unknown").contains("DEFAULT_CONFERENCE");
        assertThat(store.redis().zscore(store.keys().key("registrations"), id)).as("left where it was").isNotNull();
    }

    private HttpResponse<String> submit(String conference, String email, String language) {
        return api.send(api.request("/api/registrations", null).header("Content-Type", "application/json")
                .header("Accept-Language", language)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(RegistrationHttp.form(conference, email,
                        "REMOTE", language, null))));
    }

    private String registered(String conference, String mode) {
        return api.register(conference, "p." + UUID.randomUUID() + "@example.org", "Kwame Mensah", mode, "en");
    }

    private JsonNode mine(String id) {
        return api.json(api.get("/api/registrations/me", api.participant(id)));
    }

    private JsonNode capacity(String conference) {
        return api.json(api.get("/api/registrations/capacity?conference=" + conference, api.organiser())).get("modes");
    }

    private String event(String id, String type) {
        return KafkaProbe.shared().eventOfType(topics.physical("registration.events"), id, type, DEADLINE);
    }

    private static JsonNode data(String event) {
        return new ObjectMapper().readTree(event).get("data");
    }
}
