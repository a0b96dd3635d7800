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
 */
@SpringBootTest
@AutoConfigureMockMvc
@PlatformInfrastructure
class ParticipantDirectoryTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TopicNames topics;

    @Autowired
    PlatformProperties platform;

    private final EventCodec codec = new EventCodec();
    private final KafkaProbe kafka = KafkaProbe.shared();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void submittedRegistrationBecomesAParticipantOnceEvenWhenDeliveredTwice() throws Exception {
        String id = UUID.randomUUID().toString();
        CloudEvent event = codec.wrap("registration-service", new RegistrationSubmitted(id, "REMOTE", "es", "CO"));
        long totalBefore = summary().get("total").asLong();

        publish(event);
        publish(event);

        await().atMost(Duration.ofSeconds(30)).until(() -> lag() == 0 && participant(id).getResponse().getStatus() == 200);
        JsonNode view = json.readTree(participant(id).getResponse().getContentAsString());
        assertThat(view.get("attendanceMode").asString()).isEqualTo("REMOTE");
        assertThat(view.get("preferredLanguage").asString()).isEqualTo("es");
        assertThat(view.get("eventsApplied").asLong()).isEqualTo(1);
        assertThat(summary().get("total").asLong()).isEqualTo(totalBefore + 1);
    }

    @Test
    void reviewDecisionsUpdateTheParticipantOnceEach() throws Exception {
        String id = UUID.randomUUID().toString();
        publish(codec.wrap("registration-service", new RegistrationSubmitted(id, "IN_PERSON", "fr", "SN")));
        CloudEvent approved = codec.wrap("registration-service",
                new RegistrationApproved(id, "IN_PERSON", "fr", null, null, List.of("participant")));
        publish(approved);
        publish(approved);

        await().atMost(Duration.ofSeconds(30)).until(() -> lag() == 0 && participant(id).getResponse().getStatus() == 200
                && json.readTree(participant(id).getResponse().getContentAsString()).get("status").asString().equals("APPROVED"));
        JsonNode view = json.readTree(participant(id).getResponse().getContentAsString());
        assertThat(view.get("eventsApplied").asLong()).isEqualTo(2);
        assertThat(view.get("attendanceMode").asString()).isEqualTo("IN_PERSON");

        publish(codec.wrap("registration-service", new RegistrationCancelled(id, "IN_PERSON", true)));
        await().atMost(Duration.ofSeconds(30)).until(() -> json.readTree(participant(id).getResponse()
                .getContentAsString()).get("status").asString().equals("CANCELLED"));
    }

    @Test
    void poisonMessageIsDeadLetteredAndLaterEventsStillApply() throws Exception {
        String poison = "<registration>" + UUID.randomUUID() + "</registration>";
        kafka.send(topics.physical("registration.events"), "poison", poison);
        String id = UUID.randomUUID().toString();
        publish(codec.wrap("registration-service", new RegistrationSubmitted(id, "IN_PERSON", "fr", "MA")));

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

    private JsonNode summary() throws Exception {
        return json.readTree(mvc.perform(get("/api/sessions/participants/summary").with(as("organiser")))
                .andReturn().getResponse().getContentAsString());
    }

    private static RequestPostProcessor as(String role) {
        return jwt().authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }
}
