package dev.hybridconf.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.EventPayload;
import dev.hybridconf.contracts.registration.AttendanceChanged;
import dev.hybridconf.contracts.registration.LanguageChanged;
import dev.hybridconf.contracts.registration.ParticipantErased;
import dev.hybridconf.contracts.registration.RegistrationApproved;
import dev.hybridconf.contracts.registration.RegistrationOfferExpired;
import dev.hybridconf.contracts.registration.RegistrationOfferMade;
import dev.hybridconf.contracts.registration.RegistrationSubmitted;
import dev.hybridconf.contracts.registration.RegistrationWaitlisted;
import dev.hybridconf.contracts.registration.RolesChanged;
import dev.hybridconf.contracts.registration.SponsorshipDecided;
import dev.hybridconf.kit.PlatformProperties;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.session.participants.ParticipantHook;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The session service keeps its participant copy in step with every registration event that
 * matters to it, on a real broker and a real Redis: each event is delivered twice and applied once;
 * an erasure purges the participant, including what other session features hooked to them.
 */
@SpringBootTest
@AutoConfigureMockMvc
@PlatformInfrastructure
@Import(ParticipantLifecycleTests.EnrolmentStandIn.class)
class ParticipantLifecycleTests {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String CONFERENCE = "lifecycle-2026";

    @Autowired
    MockMvc mvc;

    @Autowired
    TopicNames topics;

    @Autowired
    PlatformProperties platform;

    @Autowired
    RedisStore store;

    private final EventCodec codec = new EventCodec();
    private final KafkaProbe kafka = KafkaProbe.shared();
    private final ObjectMapper json = new ObjectMapper();

    @org.junit.jupiter.api.BeforeEach
    void conference() throws Exception {
        Conferences.ensure(mvc, CONFERENCE);
    }

    @Test
    void approvalStoresRolesInterpretationLanguageAndTimeZoneOnce() throws Exception {
        String id = submitted("REMOTE", "es");

        publishTwice(new RegistrationApproved(id, CONFERENCE, "REMOTE", "es", "en", "America/Bogota",
                List.of("participant", "moderator")));

        JsonNode view = settled(id);
        assertThat(view.get("status").asString()).isEqualTo("APPROVED");
        assertThat(view.get("conferenceId").asString()).isEqualTo(CONFERENCE);
        assertThat(view.get("interpretationLanguage").asString()).isEqualTo("en");
        assertThat(view.get("timeZone").asString()).isEqualTo("America/Bogota");
        assertThat(roles(view)).containsExactly("participant", "moderator");
        assertThat(view.get("eventsApplied").asLong()).isEqualTo(2);
    }

    @Test
    void languageAndRoleChangesReplaceWhatWasKnownOnceEach() throws Exception {
        String id = submitted("IN_PERSON", "fr");
        publish(new RegistrationApproved(id, CONFERENCE, "IN_PERSON", "fr", "en", null, List.of("participant")));

        publishTwice(new LanguageChanged(id, CONFERENCE, "es", null));
        publishTwice(new RolesChanged(id, CONFERENCE, List.of("participant", "rapporteur")));

        JsonNode view = settled(id);
        assertThat(view.get("preferredLanguage").asString()).isEqualTo("es");
        assertThat(view.get("interpretationLanguage").isNull()).as("no interpretation needed any more").isTrue();
        assertThat(view.get("timeZone").isNull()).isTrue();
        assertThat(roles(view)).containsExactly("participant", "rapporteur");
        assertThat(view.get("eventsApplied").asLong()).isEqualTo(4);
    }

    @Test
    void aWaitlistOfferIsShownThenItsExpiryAndSponsorshipDecisionsAreNotTheSessionServicesBusiness()
            throws Exception {
        String id = submitted("IN_PERSON", "en");
        publish(new RegistrationWaitlisted(id, CONFERENCE, "IN_PERSON"));
        publishTwice(new RegistrationOfferMade(id, CONFERENCE, "IN_PERSON", Instant.parse("2026-12-01T12:00:00Z")));

        assertThat(settled(id).get("status").asString()).isEqualTo("OFFERED");

        publishTwice(new RegistrationOfferExpired(id, CONFERENCE, "IN_PERSON"));
        publish(new SponsorshipDecided(id, CONFERENCE, "GRANTED"));

        JsonNode view = settled(id);
        assertThat(view.get("status").asString()).isEqualTo("EXPIRED");
        assertThat(view.get("eventsApplied").asLong()).as("submitted, waitlisted, offered, expired").isEqualTo(4);
    }

    @Test
    void anAttendanceChangeMovesTheParticipantBetweenModesInTheSummary() throws Exception {
        String id = submitted("IN_PERSON", "fr");
        JsonNode before = summary();

        publishTwice(new AttendanceChanged(id, CONFERENCE, "IN_PERSON", "REMOTE", "PENDING"));

        JsonNode view = settled(id);
        assertThat(view.get("attendanceMode").asString()).isEqualTo("REMOTE");
        assertThat(view.get("status").asString()).isEqualTo("SUBMITTED");
        JsonNode after = summary();
        assertThat(after.get("total").asLong()).isEqualTo(before.get("total").asLong());
        assertThat(mode(after, "IN_PERSON")).isEqualTo(mode(before, "IN_PERSON") - 1);
        assertThat(mode(after, "REMOTE")).isEqualTo(mode(before, "REMOTE") + 1);
    }

    @Test
    void erasurePurgesTheParticipantAndWhatOtherFeaturesHeldAndFixesTheSummaryOnce() throws Exception {
        String id = submitted("REMOTE", "es");
        publish(new RegistrationApproved(id, CONFERENCE, "REMOTE", "es", null, "Europe/Madrid", List.of("participant")));
        settled(id);
        String enrolments = store.keys().key("breakout-enrolments", id);
        store.redis().sadd(enrolments, "breakout-3");
        JsonNode before = summary();

        publishTwice(new ParticipantErased(id, CONFERENCE, "REMOTE", true));

        await().atMost(DEADLINE).until(() -> lag() == 0 && participant(id).getResponse().getStatus() == 404);
        MvcResult gone = participant(id);
        assertThat(gone.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(store.redis().exists(store.keys().key("participant", id))).isFalse();
        assertThat(store.redis().exists(enrolments)).as("hooked features purge in the same step").isFalse();
        JsonNode after = summary();
        assertThat(after.get("total").asLong()).isEqualTo(before.get("total").asLong() - 1);
        assertThat(mode(after, "REMOTE")).isEqualTo(mode(before, "REMOTE") - 1);
        assertThat(mode(after, "IN_PERSON")).isEqualTo(mode(before, "IN_PERSON"));
    }

    @Test
    void erasingAParticipantTheServiceNeverKnewChangesNoCount() throws Exception {
        await().atMost(DEADLINE).until(() -> lag() == 0);
        JsonNode before = summary();
        String stranger = UUID.randomUUID().toString();

        publish(new ParticipantErased(stranger, CONFERENCE, "IN_PERSON", false));

        await().atMost(DEADLINE).until(() -> lag() == 0);
        assertThat(participant(stranger).getResponse().getStatus()).isEqualTo(404);
        assertThat(summary()).isEqualTo(before);
    }

    /** Publishes a submitted registration and waits until the directory has it. */
    private String submitted(String mode, String language) throws Exception {
        String id = UUID.randomUUID().toString();
        publish(new RegistrationSubmitted(id, CONFERENCE, mode, language, "CO"));
        await().atMost(DEADLINE).until(() -> participant(id).getResponse().getStatus() == 200);
        await().atMost(DEADLINE).until(() -> lag() == 0);
        return id;
    }

    /** The participant once every published event has been consumed. */
    private JsonNode settled(String id) throws Exception {
        await().atMost(DEADLINE).until(() -> lag() == 0);
        MvcResult result = participant(id);
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return json.readTree(result.getResponse().getContentAsString());
    }

    /** The same CloudEvent twice, as after a producer retry or a rebalance. */
    private void publishTwice(EventPayload payload) {
        CloudEvent event = codec.wrap("registration-service", payload);
        publish(event);
        publish(event);
    }

    private void publish(EventPayload payload) {
        publish(codec.wrap("registration-service", payload));
    }

    private void publish(CloudEvent event) {
        kafka.send(topics.physical("registration.events"), event.subject(), codec.toJson(event));
    }

    private long lag() {
        return kafka.lag(topics.group(platform.serviceName()), topics.physical("registration.events"));
    }

    private MvcResult participant(String id) throws Exception {
        return mvc.perform(get("/api/sessions/participants/" + id).with(organiser())).andReturn();
    }

    private JsonNode summary() throws Exception {
        return json.readTree(mvc.perform(get("/api/sessions/participants/summary?conference=" + CONFERENCE)
                .with(organiser()))
                .andReturn().getResponse().getContentAsString());
    }

    private static long mode(JsonNode summary, String mode) {
        return summary.path("byAttendanceMode").path(mode).asLong(0);
    }

    private static List<String> roles(JsonNode view) {
        List<String> roles = new java.util.ArrayList<>();
        view.get("roles").forEach(role -> roles.add(role.asString()));
        return roles;
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor organiser() {
        return jwt().authorities(new SimpleGrantedAuthority("ROLE_organiser"));
    }

    /** Stands in for the future breakout enrolment feature: its per-participant set goes with the participant. */
    @TestConfiguration(proxyBeanMethods = false)
    static class EnrolmentStandIn {

        @Bean
        ParticipantHook breakoutEnrolmentsStandIn(RedisStore store) {
            return new ParticipantHook() {
                @Override
                public void erasing(String registrationId, AtomicWrite write) {
                    write.delete(store.keys().key("breakout-enrolments", registrationId));
                }
            };
        }
    }
}
