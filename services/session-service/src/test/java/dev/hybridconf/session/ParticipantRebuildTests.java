package dev.hybridconf.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.registration.AttendanceChanged;
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
 * Rebuilding the session service's participant view from offset 0 (the operator's rebuild) gives the same
 * participant summary and the same records as before, although events were delivered twice and summaries are
 * counters (real broker, real Redis).
 */
@SpringBootTest
@AutoConfigureMockMvc
@PlatformInfrastructure
class ParticipantRebuildTests {

    static final Duration DEADLINE = Duration.ofSeconds(90);

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
    void rebuildFromOffsetZeroGivesTheSameSummaryAndRecords() throws Exception {
        String conference = "rebuild-" + UUID.randomUUID().toString().substring(0, 8);
        Conferences.ensure(mvc, conference);
        List<String> ids = new ArrayList<>();
        List<CloudEvent> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            String mode = i % 3 == 0 ? "IN_PERSON" : "REMOTE";
            events.add(codec.wrap("registration-service", new RegistrationSubmitted(id, conference, mode, "fr", "SN")));
            if (i % 2 == 0) {
                events.add(codec.wrap("registration-service",
                        new RegistrationApproved(id, conference, mode, "fr", null, null, List.of("participant"))));
            }
            if (i % 4 == 0) {
                events.add(codec.wrap("registration-service",
                        new AttendanceChanged(id, conference, mode, "IN_PERSON".equals(mode) ? "REMOTE" : "IN_PERSON",
                                "APPROVED")));
            }
            if (i % 5 == 0) {
                events.add(codec.wrap("registration-service", new RegistrationCancelled(id, conference, mode, true)));
            }
            if (i % 10 == 0) {
                events.add(codec.wrap("registration-service", new ParticipantErased(id, conference, mode, true)));
            }
        }
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (CloudEvent event : events) {
            String value = codec.toJson(event);
            records.add(new ProducerRecord<>(topics.physical("registration.events"), event.subject(), value));
            if (records.size() % 7 == 0) {
                // delivered twice, as after a relay takeover
                records.add(new ProducerRecord<>(topics.physical("registration.events"), event.subject(), value));
            }
        }
        kafka.sendAll(records);
        await().atMost(DEADLINE).until(() -> lag() == 0);
        JsonNode summaryBefore = summary(conference);
        Map<String, String> recordsBefore = participants(ids);
        assertThat(summaryBefore.get("total").asLong()).isEqualTo(36);

        int status = mvc.perform(post("/actuator/views/participants").contentType(MediaType.APPLICATION_JSON).with(as("organiser")))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(200);

        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(summary(conference)).isEqualTo(summaryBefore);
            assertThat(participants(ids)).isEqualTo(recordsBefore);
        });
        await().atMost(DEADLINE).until(() -> lag() == 0);
        assertThat(summary(conference)).isEqualTo(summaryBefore);
        assertThat(participants(ids)).isEqualTo(recordsBefore);
    }

    @Test
    void onlyOrganisersAndOperatorsRebuild() throws Exception {
        assertThat(mvc.perform(post("/actuator/views/participants").contentType(MediaType.APPLICATION_JSON).with(as("participant")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        var missing = mvc.perform(post("/actuator/views/nothing-here").contentType(MediaType.APPLICATION_JSON).with(as("organiser"))).andReturn().getResponse();
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(missing.getContentType()).startsWith("application/problem+json");
        assertThat(mvc.perform(get("/actuator/views").with(as("organiser"))).andReturn().getResponse()
                .getContentAsString()).contains("\"participants\"");
    }

    private Map<String, String> participants(List<String> ids) throws Exception {
        Map<String, String> views = new LinkedHashMap<>();
        for (String id : ids) {
            var response = mvc.perform(get("/api/sessions/participants/" + id).with(as("organiser"))).andReturn()
                    .getResponse();
            views.put(id, response.getStatus() + " " + (response.getStatus() == 200 ? response.getContentAsString() : ""));
        }
        return views;
    }

    private long lag() {
        return kafka.lag(topics.group(platform.serviceName()), topics.physical("registration.events"));
    }

    private JsonNode summary(String conference) throws Exception {
        return json.readTree(mvc.perform(get("/api/sessions/participants/summary?conference=" + conference)
                .with(as("organiser"))).andReturn().getResponse().getContentAsString());
    }

    private static RequestPostProcessor as(String role) {
        return jwt().authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }
}
