package dev.hybridconf.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.registration.RegistrationApproved;
import dev.hybridconf.contracts.registration.RegistrationSubmitted;
import dev.hybridconf.kit.PlatformProperties;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import dev.hybridconf.testinfra.StoppableRedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Acceptance (issue 11): Redis stopped for 10 s (its process) while 500 registration events flow: all are applied
 * once it is back, the dead-letter topic stays empty, and the consumers' health (readiness) shows the outage while
 * it lasts (real broker, a Redis process of the test's own).
 */
@SpringBootTest(properties = { "platform.redis.socket-timeout=2s", "platform.redis.max-wait=500ms",
        "platform.kafka.retry-interval=100ms", "platform.kafka.retry-max-interval=2s" })
@AutoConfigureMockMvc
@PlatformInfrastructure
class ParticipantRedisOutageTests {

    static final StoppableRedis REDIS = StoppableRedis.start();
    static final Duration DEADLINE = Duration.ofSeconds(120);
    static final Duration OUTAGE = Duration.ofSeconds(10);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("platform.redis.port", REDIS::port);
    }

    @AfterAll
    static void stopRedis() {
        REDIS.close();
    }

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
    void fiveHundredEventsDuringATenSecondOutageAreAllAppliedAndNoneDeadLettered() throws Exception {
        String conference = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        Conferences.ensure(mvc, conference);
        await().atMost(DEADLINE).until(() -> readiness() == 200);
        List<String> ids = new ArrayList<>();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            String mode = i % 2 == 0 ? "REMOTE" : "IN_PERSON";
            records.add(record(codec.wrap("registration-service",
                    new RegistrationSubmitted(id, conference, mode, "fr", "SN")).withAggregateVersion(1)));
            records.add(record(codec.wrap("registration-service",
                    new RegistrationApproved(id, conference, mode, "fr", null, null, List.of("participant")))
                    .withAggregateVersion(2)));
        }

        REDIS.stop();
        long stopped = System.nanoTime();
        kafka.sendAll(records);
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(consumers().path("status").asString())
                .as("consumers' health during the outage").isEqualTo("DOWN"));
        assertThat(readiness()).isEqualTo(503);
        await().atMost(DEADLINE).until(() -> Duration.ofNanos(System.nanoTime() - stopped).compareTo(OUTAGE) >= 0
                && readiness() == 503);
        REDIS.restart();

        await().atMost(DEADLINE).until(() -> lag() == 0 && readiness() == 200);
        JsonNode summary = json.readTree(mvc.perform(get("/api/sessions/participants/summary?conference=" + conference)
                .with(as("organiser"))).andReturn().getResponse().getContentAsString());
        assertThat(summary.get("total").asLong()).isEqualTo(250);
        assertThat(summary.path("byAttendanceMode").path("REMOTE").asLong()).isEqualTo(125);
        for (String id : ids) {
            JsonNode participant = json.readTree(mvc.perform(get("/api/sessions/participants/" + id)
                    .with(as("organiser"))).andReturn().getResponse().getContentAsString());
            assertThat(participant.get("status").asString()).as(id).isEqualTo("APPROVED");
            assertThat(participant.get("eventsApplied").asLong()).as(id).isEqualTo(2);
        }
        assertThat(kafka.readAll(topics.deadLetter("registration.events"))).isEmpty();
        assertThat(consumers().path("status").asString()).isEqualTo("UP");
    }

    private ProducerRecord<String, String> record(CloudEvent event) {
        return new ProducerRecord<>(topics.physical("registration.events"), event.subject(), codec.toJson(event));
    }

    private long lag() {
        return kafka.lag(topics.group(platform.serviceName()), topics.physical("registration.events"));
    }

    private int readiness() throws Exception {
        return mvc.perform(get("/actuator/health/readiness")).andReturn().getResponse().getStatus();
    }

    private JsonNode consumers() throws Exception {
        return json.readTree(mvc.perform(get("/actuator/health")).andReturn().getResponse().getContentAsString())
                .path("components").path("consumers");
    }

    private static RequestPostProcessor as(String role) {
        return jwt().authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }
}
