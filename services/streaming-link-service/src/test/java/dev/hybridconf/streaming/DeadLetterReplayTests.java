package dev.hybridconf.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.springframework.test.web.servlet.MockMvc;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.registration.RegistrationApproved;
import dev.hybridconf.kit.PlatformProperties;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.streaming.catalog.StreamingKeys;
import dev.hybridconf.testinfra.DeadLetterApi;
import dev.hybridconf.testinfra.DeadLetterRecords;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The streaming-link service's dead letters on a real broker and Redis: a poison event on each topic it consumes
 * (the programme, the registrations, its own webhook hand-off) lands in that topic's dead-letter topic with its
 * reason, and an approval dead-lettered earlier makes the participant a remote participant of their conference once
 * an operator replays it; replaying it again changes nothing.
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

    @Autowired
    RedisStore store;

    @Autowired
    StreamingKeys keys;

    @Autowired
    MeterRegistry meters;

    private final EventCodec codec = new EventCodec();
    private final KafkaProbe kafka = KafkaProbe.shared();
    private DeadLetterApi deadLetters;

    @BeforeEach
    void setUp() {
        deadLetters = new DeadLetterApi(this::asOrganiser, "/api/streaming/operations/dead-letters");
    }

    @Test
    void aPoisonEventOnEveryConsumedTopicLandsInItsDeadLetterTopic() {
        assertThat(platform.kafka().consumes())
                .containsExactlyInAnyOrder("session.events", "registration.events", "interpretation.events",
                        "streaming.zoom-webhooks");
        for (String topic : platform.kafka().consumes()) {
            String poison = "<" + topic + ">" + UUID.randomUUID() + "</not-json>";
            kafka.send(topics.physical(topic), "poison", poison);

            JsonNode letter = deadLetters.awaitListed(topic, l -> poison.equals(l.path("value").asString(null)));
            assertThat(letter.get("originalTopic").asString()).isEqualTo(topics.physical(topic));
            assertThat(letter.get("reason").asString()).as(topic).isNotBlank();
        }
    }

    @Test
    void anApprovalDeadLetteredEarlierIsAppliedOnceAfterReplayAndASecondReplayDoesNothing() throws Exception {
        String id = UUID.randomUUID().toString();
        CloudEvent approved = codec.wrap("registration-service", new RegistrationApproved(id, CONFERENCE, "REMOTE", "fr",
                null, "Africa/Dakar", List.of("participant"))).withAggregateVersion(2);
        kafka.sendAll(List.of(DeadLetterRecords.deadLetter(topics.deadLetter("registration.events"),
                topics.physical("registration.events"), id, codec.toJson(approved),
                "dev.hybridconf.kit.errors.ConflictException", "changed-concurrently")));

        JsonNode letter = deadLetters.awaitListed("registration.events",
                l -> approved.id().toString().equals(l.path("eventId").asString(null)));
        assertThat(letter.get("eventType").asString()).isEqualTo(RegistrationApproved.TYPE);
        assertThat(remote()).as("not a remote participant before the replay").doesNotContain(id);
        double appliedBefore = applied();

        assertThat(deadLetters.replay("registration.events", letter).get("replayed").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> remote().contains(id));

        JsonNode again = deadLetters.replay("registration.events", letter);
        assertThat(again.get("replayed").asInt()).isZero();
        assertThat(again.get("alreadyReplayed").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> store.redis().xlen(store.keys().outbox()) == 0
                && kafka.lag(topics.group(platform.serviceName()) + ".participants",
                        topics.physical("registration.events")) == 0);

        assertThat(applied() - appliedBefore).as("applied once").isEqualTo(1.0);
        assertThat(store.redis().hget(keys.participant(id), "status")).isEqualTo("APPROVED");
        String replayOf = DeadLetterApi.replayOf("registration.events", letter);
        assertThat(kafka.readAll(topics.physical("registration.events")))
                .filteredOn(r -> replayOf.equals(header(r.headers().lastHeader("hybridconf-replay-of"))))
                .as("sent to the topic once").hasSize(1);
    }

    private java.util.Set<String> remote() {
        return store.redis().smembers(keys.remoteParticipants(CONFERENCE));
    }

    private double applied() {
        var counter = meters.find("events.consumed").tags("type", RegistrationApproved.TYPE, "outcome", "applied")
                .counter();
        return counter == null ? 0 : counter.count();
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
