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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.EventPayload;
import dev.hybridconf.contracts.registration.ParticipantErased;
import dev.hybridconf.contracts.registration.RegistrationApproved;
import dev.hybridconf.contracts.registration.RegistrationCancelled;
import dev.hybridconf.contracts.registration.RegistrationSubmitted;
import dev.hybridconf.kit.PlatformProperties;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The participant directory applies a registration's events only when newer than what it holds (their
 * {@code aggregateversion}): an {@code approved} arriving after the {@code cancelled} that followed it changes
 * nothing, and nothing arriving late brings an erased participant back (real broker, real Redis).
 */
@SpringBootTest
@AutoConfigureMockMvc
@PlatformInfrastructure
class ParticipantOrderTests {

    static final Duration DEADLINE = Duration.ofSeconds(60);
    static final String CONFERENCE = "order-2026";

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
    void anApprovalOlderThanTheCancellationHeldChangesNothing() throws Exception {
        Conferences.ensure(mvc, CONFERENCE);
        String id = UUID.randomUUID().toString();
        publish(versioned(new RegistrationSubmitted(id, CONFERENCE, "REMOTE", "fr", "SN"), 1));
        publish(versioned(new RegistrationCancelled(id, CONFERENCE, "REMOTE", false), 3));
        publish(versioned(new RegistrationApproved(id, CONFERENCE, "REMOTE", "fr", null, null, List.of("participant")),
                2));

        await().atMost(DEADLINE).until(() -> lag() == 0);
        JsonNode view = participant(id);
        assertThat(view.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(view.get("eventsApplied").asLong()).isEqualTo(2);
    }

    @Test
    void nothingLateBringsAnErasedParticipantBack() throws Exception {
        Conferences.ensure(mvc, CONFERENCE);
        await().atMost(DEADLINE).until(() -> lag() == 0);
        long totalBefore = summaryTotal();
        String id = UUID.randomUUID().toString();
        publish(versioned(new RegistrationSubmitted(id, CONFERENCE, "IN_PERSON", "es", "CO"), 1));
        publish(versioned(new ParticipantErased(id, CONFERENCE, "IN_PERSON", false), 4));
        // Late: older than the erasure (a repeat with a new id, an event the old relay let overtake).
        publish(versioned(new RegistrationApproved(id, CONFERENCE, "IN_PERSON", "es", null, null, List.of("participant")),
                2));
        publish(versioned(new RegistrationSubmitted(id, CONFERENCE, "IN_PERSON", "es", "CO"), 1));

        await().atMost(DEADLINE).until(() -> lag() == 0);
        assertThat(mvc.perform(get("/api/sessions/participants/" + id).with(as("organiser"))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(summaryTotal()).isEqualTo(totalBefore);
    }

    private CloudEvent versioned(EventPayload payload, long version) {
        return codec.wrap("registration-service", payload).withAggregateVersion(version);
    }

    private void publish(CloudEvent event) {
        kafka.send(topics.physical("registration.events"), event.subject(), codec.toJson(event));
    }

    private long lag() {
        return kafka.lag(topics.group(platform.serviceName()), topics.physical("registration.events"));
    }

    private JsonNode participant(String id) throws Exception {
        return json.readTree(mvc.perform(get("/api/sessions/participants/" + id).with(as("organiser"))).andReturn()
                .getResponse().getContentAsString());
    }

    private long summaryTotal() throws Exception {
        return json.readTree(mvc.perform(get("/api/sessions/participants/summary?conference=" + CONFERENCE)
                .with(as("organiser"))).andReturn().getResponse().getContentAsString()).get("total").asLong();
    }

    private static RequestPostProcessor as(String role) {
        return jwt().authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }
}
