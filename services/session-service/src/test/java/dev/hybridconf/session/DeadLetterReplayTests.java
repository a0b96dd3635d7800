package dev.hybridconf.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.registration.RegistrationSubmitted;
import dev.hybridconf.kit.PlatformProperties;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.testinfra.DeadLetterApi;
import dev.hybridconf.testinfra.DeadLetterRecords;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The session service's dead letters on a real broker and Redis: a poison event on each topic it consumes lands in
 * that topic's dead-letter topic with its reason, and a registration dead-lettered earlier and valid now is applied
 * once after an operator's replay; replaying it again changes nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@PlatformInfrastructure
class DeadLetterReplayTests {

    static final String CONFERENCE = "dead-letters-2026";

    @Autowired
    MockMvc mvc;

    @Autowired
    TopicNames topics;

    @Autowired
    PlatformProperties platform;

    private final EventCodec codec = new EventCodec();
    private final KafkaProbe kafka = KafkaProbe.shared();
    private final ObjectMapper json = new ObjectMapper();
    private DeadLetterApi deadLetters;

    @BeforeEach
    void setUp() throws Exception {
        deadLetters = new DeadLetterApi(this::asOrganiser, "/api/sessions/operations/dead-letters");
        Conferences.ensure(mvc, CONFERENCE);
    }

    @Test
    void aPoisonEventOnEveryConsumedTopicLandsInItsDeadLetterTopic() {
        assertThat(platform.kafka().consumes()).containsExactlyInAnyOrder("registration.events", "streaming.events",
                "interpretation.events");
        for (String topic : platform.kafka().consumes()) {
            String poison = "<" + topic + ">" + UUID.randomUUID() + "</not-json>";
            kafka.send(topics.physical(topic), "poison", poison);

            JsonNode letter = deadLetters.awaitListed(topic, l -> poison.equals(l.path("value").asString(null)));
            assertThat(letter.get("originalTopic").asString()).isEqualTo(topics.physical(topic));
            assertThat(letter.get("reason").asString()).as(topic).isNotBlank();
        }
    }

    @Test
    void aRegistrationDeadLetteredEarlierIsAppliedOnceAfterReplayAndASecondReplayDoesNothing() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> lag() == 0);
        long totalBefore = summary().get("total").asLong();
        String id = UUID.randomUUID().toString();
        CloudEvent submitted = codec.wrap("registration-service",
                new RegistrationSubmitted(id, CONFERENCE, "REMOTE", "fr", "SN")).withAggregateVersion(1);
        kafka.sendAll(List.of(DeadLetterRecords.deadLetter(topics.deadLetter("registration.events"),
                topics.physical("registration.events"), id, codec.toJson(submitted),
                "dev.hybridconf.kit.errors.ConflictException", "changed-concurrently")));

        JsonNode letter = deadLetters.awaitListed("registration.events",
                l -> submitted.id().toString().equals(l.path("eventId").asString(null)));
        assertThat(letter.get("eventType").asString()).isEqualTo(RegistrationSubmitted.TYPE);
        assertThat(letter.get("reason").asString()).contains("changed-concurrently");
        assertThat(participant(id).getResponse().getStatus()).isEqualTo(404);

        assertThat(deadLetters.replay("registration.events", letter).get("replayed").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> participant(id).getResponse().getStatus() == 200);

        JsonNode again = deadLetters.replay("registration.events", letter);
        assertThat(again.get("replayed").asInt()).isZero();
        assertThat(again.get("alreadyReplayed").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> lag() == 0);

        JsonNode view = json.readTree(participant(id).getResponse().getContentAsString());
        assertThat(view.get("eventsApplied").asLong()).isEqualTo(1);
        assertThat(summary().get("total").asLong()).isEqualTo(totalBefore + 1);
        String replayOf = DeadLetterApi.replayOf("registration.events", letter);
        assertThat(kafka.readAll(topics.physical("registration.events")))
                .filteredOn(r -> replayOf.equals(header(r.headers().lastHeader("hybridconf-replay-of"))))
                .as("sent to the topic once").hasSize(1);
    }

    private long lag() {
        return kafka.lag(topics.group(platform.serviceName()), topics.physical("registration.events"));
    }

    private MvcResult participant(String id) throws Exception {
        return mvc.perform(get("/api/sessions/participants/" + id)
                .with(jwt().authorities(new SimpleGrantedAuthority("ROLE_organiser")))).andReturn();
    }

    private JsonNode summary() throws Exception {
        return json.readTree(mvc.perform(get("/api/sessions/participants/summary?conference=" + CONFERENCE)
                .with(jwt().authorities(new SimpleGrantedAuthority("ROLE_organiser")))).andReturn().getResponse()
                .getContentAsString());
    }

    private static String header(Header header) {
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The dead-letter operations as an organiser calls them. */
    private DeadLetterApi.Answer asOrganiser(String method, String path, String body) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .request(org.springframework.http.HttpMethod.valueOf(method), path)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt()
                        .jwt(token -> token.subject("operator-tests"))
                        .authorities(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_organiser")));
        if (body != null) {
            request.contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(body);
        }
        var response = mvc.perform(request).andReturn().getResponse();
        return new DeadLetterApi.Answer(response.getStatus(), response.getContentAsString(StandardCharsets.UTF_8));
    }
}
