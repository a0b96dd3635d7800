package dev.hybridconf.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.registration.RegistrationApproved;
import dev.hybridconf.contracts.registration.RegistrationCancelled;
import dev.hybridconf.contracts.registration.RegistrationSubmitted;
import dev.hybridconf.kit.PlatformProperties;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.TranslationAssertions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The session service learns participants from registration events on a real broker and keeps
 * them in a real Redis: once per event, whatever the deliveries; poison goes to the dead-letter topic.
 * Each participant belongs to the conference their registration is for, and each conference's summary
 * counts its own; events and counts from before conferences were the boundary belong to the default one.
 */
@SpringBootTest(properties = "platform.session.default-conference=" + ParticipantDirectoryTests.LEGACY)
@AutoConfigureMockMvc
@PlatformInfrastructure
class ParticipantDirectoryTests {

    static final String CONFERENCE = "directory-2026";
    static final String OTHER = "directory-other-2026";
    static final String LEGACY = "directory-legacy-2024";

    @Autowired
    MockMvc mvc;

    @Autowired
    TopicNames topics;

    @Autowired
    PlatformProperties platform;

    private final EventCodec codec = new EventCodec();
    private final KafkaProbe kafka = KafkaProbe.shared();
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    dev.hybridconf.kit.redis.RedisStore store;

    @Autowired
    org.springframework.boot.ApplicationRunner legacyParticipants;

    @org.junit.jupiter.api.BeforeEach
    void conferences() throws Exception {
        Conferences.ensure(mvc, CONFERENCE);
        Conferences.ensure(mvc, OTHER);
        Conferences.ensure(mvc, LEGACY);
    }

    @Test
    void submittedRegistrationBecomesAParticipantOnceEvenWhenDeliveredTwice() throws Exception {
        String id = UUID.randomUUID().toString();
        CloudEvent event = codec.wrap("registration-service", new RegistrationSubmitted(id, CONFERENCE, "REMOTE", "es", "CO"));
        long totalBefore = summary(CONFERENCE).get("total").asLong();

        publish(event);
        publish(event);

        await().atMost(Duration.ofSeconds(30)).until(() -> lag() == 0 && participant(id).getResponse().getStatus() == 200);
        JsonNode view = json.readTree(participant(id).getResponse().getContentAsString());
        assertThat(view.get("attendanceMode").asString()).isEqualTo("REMOTE");
        assertThat(view.get("preferredLanguage").asString()).isEqualTo("es");
        assertThat(view.get("eventsApplied").asLong()).isEqualTo(1);
        assertThat(summary(CONFERENCE).get("total").asLong()).isEqualTo(totalBefore + 1);
    }

    @Test
    void aRegistrationCountsOnlyInItsOwnConferencesSummary() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> lag() == 0);
        JsonNode mineBefore = summary(CONFERENCE);
        JsonNode otherBefore = summary(OTHER);
        String id = UUID.randomUUID().toString();

        publish(codec.wrap("registration-service", new RegistrationSubmitted(id, OTHER, "REMOTE", "fr", "SN")));
        publish(codec.wrap("registration-service",
                new RegistrationApproved(id, OTHER, "REMOTE", "fr", null, null, List.of("participant"))));

        await().atMost(Duration.ofSeconds(30)).until(() -> lag() == 0 && participant(id).getResponse().getStatus() == 200
                && "APPROVED".equals(json.readTree(participant(id).getResponse().getContentAsString()).get("status")
                        .asString()));
        assertThat(json.readTree(participant(id).getResponse().getContentAsString()).get("conferenceId").asString())
                .isEqualTo(OTHER);
        JsonNode other = summary(OTHER);
        assertThat(other.get("conferenceId").asString()).isEqualTo(OTHER);
        assertThat(other.get("total").asLong()).isEqualTo(otherBefore.get("total").asLong() + 1);
        assertThat(other.path("byAttendanceMode").path("REMOTE").asLong())
                .isEqualTo(otherBefore.path("byAttendanceMode").path("REMOTE").asLong(0) + 1);
        assertThat(summary(CONFERENCE)).as("another conference's registration is invisible here").isEqualTo(mineBefore);
    }

    @Test
    void theSummaryNamesItsConference() throws Exception {
        MvcResult missing = mvc.perform(get("/api/sessions/participants/summary").with(as("organiser"))
                .header("Accept-Language", "fr")).andReturn();
        assertThat(missing.getResponse().getStatus()).isEqualTo(400);
        JsonNode problem = json.readTree(missing.getResponse().getContentAsString());
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("conference");

        MvcResult unknown = mvc.perform(get("/api/sessions/participants/summary?conference=no-such-conference")
                .with(as("organiser"))).andReturn();
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
        assertThat(unknown.getResponse().getContentType()).startsWith("application/problem+json");

        assertThat(mvc.perform(get("/api/sessions/participants/summary?conference=" + CONFERENCE)
                .with(as("participant"))).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void anEventFromBeforeConferencesWereTheBoundaryCountsForTheDefaultConference() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> lag() == 0);
        JsonNode legacyBefore = summary(LEGACY);
        JsonNode mineBefore = summary(CONFERENCE);
        String id = UUID.randomUUID().toString();
        String old = """
                {"specversion":"1.0","id":"%s","source":"registration-service","type":"registration.submitted.v1",
                 "subject":"%s","time":"2024-10-01T09:00:00Z","datacontenttype":"application/json",
                 "data":{"registrationId":"%s","attendanceMode":"IN_PERSON","preferredLanguage":"es","country":"CO"}}"""
                .formatted(UUID.randomUUID(), id, id);

        kafka.send(topics.physical("registration.events"), id, old);

        await().atMost(Duration.ofSeconds(30)).until(() -> lag() == 0 && participant(id).getResponse().getStatus() == 200);
        assertThat(json.readTree(participant(id).getResponse().getContentAsString()).get("conferenceId").asString())
                .isEqualTo(LEGACY);
        assertThat(summary(LEGACY).get("total").asLong()).isEqualTo(legacyBefore.get("total").asLong() + 1);
        assertThat(summary(CONFERENCE)).isEqualTo(mineBefore);
    }

    @Test
    void countsSavedBeforeConferencesWereTheBoundaryAreFoldedIntoTheDefaultConferenceOnce() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> lag() == 0);
        JsonNode before = summary(LEGACY);
        String legacyKey = store.keys().key("participants", "summary");
        store.redis().hset(legacyKey, java.util.Map.of("total", "7", "mode:IN_PERSON", "3", "mode:REMOTE", "4"));

        legacyParticipants.run(null);
        legacyParticipants.run(null);

        JsonNode after = summary(LEGACY);
        assertThat(after.get("total").asLong()).isEqualTo(before.get("total").asLong() + 7);
        assertThat(after.path("byAttendanceMode").path("IN_PERSON").asLong())
                .isEqualTo(before.path("byAttendanceMode").path("IN_PERSON").asLong(0) + 3);
        assertThat(after.path("byAttendanceMode").path("REMOTE").asLong())
                .isEqualTo(before.path("byAttendanceMode").path("REMOTE").asLong(0) + 4);
        assertThat(store.redis().exists(legacyKey)).isFalse();
    }

    @Test
    void reviewDecisionsUpdateTheParticipantOnceEach() throws Exception {
        String id = UUID.randomUUID().toString();
        publish(codec.wrap("registration-service", new RegistrationSubmitted(id, CONFERENCE, "IN_PERSON", "fr", "SN")));
        CloudEvent approved = codec.wrap("registration-service",
                new RegistrationApproved(id, CONFERENCE, "IN_PERSON", "fr", null, null, List.of("participant")));
        publish(approved);
        publish(approved);

        await().atMost(Duration.ofSeconds(30)).until(() -> lag() == 0 && participant(id).getResponse().getStatus() == 200
                && json.readTree(participant(id).getResponse().getContentAsString()).get("status").asString().equals("APPROVED"));
        JsonNode view = json.readTree(participant(id).getResponse().getContentAsString());
        assertThat(view.get("eventsApplied").asLong()).isEqualTo(2);
        assertThat(view.get("attendanceMode").asString()).isEqualTo("IN_PERSON");

        publish(codec.wrap("registration-service", new RegistrationCancelled(id, CONFERENCE, "IN_PERSON", true)));
        await().atMost(Duration.ofSeconds(30)).until(() -> json.readTree(participant(id).getResponse()
                .getContentAsString()).get("status").asString().equals("CANCELLED"));
    }

    @Test
    void poisonMessageIsDeadLetteredAndLaterEventsStillApply() throws Exception {
        String poison = "<registration>" + UUID.randomUUID() + "</registration>";
        kafka.send(topics.physical("registration.events"), "poison", poison);
        String id = UUID.randomUUID().toString();
        publish(codec.wrap("registration-service", new RegistrationSubmitted(id, CONFERENCE, "IN_PERSON", "fr", "MA")));

        var deadLetters = kafka.readUntil(topics.deadLetter("registration.events"), Duration.ofSeconds(30),
                records -> records.stream().anyMatch(r -> poison.equals(r.value())));

        assertThat(deadLetters).anyMatch(r -> poison.equals(r.value()));
        await().atMost(Duration.ofSeconds(30)).until(() -> participant(id).getResponse().getStatus() == 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> lag() == 0);
    }

    @Test
    void participantsAreForOrganisersOnly() throws Exception {
        String path = "/api/sessions/participants/" + UUID.randomUUID();

        assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(mvc.perform(get(path).with(as("participant"))).andReturn().getResponse().getStatus()).isEqualTo(403);
        MvcResult unknown = mvc.perform(get(path).with(as("organiser"))).andReturn();
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
        assertThat(unknown.getResponse().getContentType()).startsWith("application/problem+json");
    }

    @Test
    void everyMessageExistsInEnglishFrenchAndSpanish() {
        TranslationAssertions.assertCompleteInEnglishFrenchAndSpanish("i18n/messages");
    }

    private void publish(CloudEvent event) {
        kafka.send(topics.physical("registration.events"), event.subject(), codec.toJson(event));
    }

    private long lag() {
        return kafka.lag(topics.group(platform.serviceName()), topics.physical("registration.events"));
    }

    private MvcResult participant(String id) throws Exception {
        return mvc.perform(get("/api/sessions/participants/" + id).with(as("organiser"))).andReturn();
    }

    private JsonNode summary(String conference) throws Exception {
        return json.readTree(mvc.perform(get("/api/sessions/participants/summary?conference=" + conference)
                .with(as("organiser")))
                .andReturn().getResponse().getContentAsString());
    }

    private static RequestPostProcessor as(String role) {
        return jwt().authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }
}
