package dev.hybridconf.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
import dev.hybridconf.contracts.session.ConferencePublished;
import dev.hybridconf.kit.PlatformProperties;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.registration.conference.ConferenceCopy;
import dev.hybridconf.testinfra.DeadLetterApi;
import dev.hybridconf.testinfra.DeadLetterRecords;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The registration service's dead letters on a real broker and Redis: a poison event on each topic it consumes lands
 * in that topic's dead-letter topic with its reason, and a conference published earlier whose event was
 * dead-lettered is known once an operator replays it; replaying it again changes nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@PlatformInfrastructure
class DeadLetterReplayTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TopicNames topics;

    @Autowired
    PlatformProperties platform;

    @Autowired
    ConferenceCopy conferences;

    @Autowired
    MeterRegistry meters;

    private final EventCodec codec = new EventCodec();
    private final KafkaProbe kafka = KafkaProbe.shared();
    private DeadLetterApi deadLetters;

    @BeforeEach
    void setUp() {
        deadLetters = new DeadLetterApi(this::asOrganiser, "/api/registrations/operations/dead-letters");
    }

    @Test
    void aPoisonEventOnEveryConsumedTopicLandsInItsDeadLetterTopic() {
        assertThat(platform.kafka().consumes()).containsExactlyInAnyOrder("registration.events", "session.events");
        for (String topic : platform.kafka().consumes()) {
            String poison = "<" + topic + ">" + UUID.randomUUID() + "</not-json>";
            kafka.send(topics.physical(topic), "poison", poison);

            JsonNode letter = deadLetters.awaitListed(topic, l -> poison.equals(l.path("value").asString(null)));
            assertThat(letter.get("originalTopic").asString()).isEqualTo(topics.physical(topic));
            assertThat(letter.get("reason").asString()).as(topic).isNotBlank();
        }
    }

    @Test
    void aConferenceDeadLetteredEarlierIsAppliedOnceAfterReplayAndASecondReplayDoesNothing() throws Exception {
        String id = "replayed-" + UUID.randomUUID().toString().substring(0, 8);
        CloudEvent published = codec.wrap("session-service", new ConferencePublished(id, 1, 1,
                Map.of("en", "Conference " + id, "fr", "Conférence " + id, "es", "Conferencia " + id), "Europe/Madrid",
                List.of("en", "fr", "es"), LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-03"), false, null,
                List.of())).withAggregateVersion(1);
        kafka.sendAll(List.of(DeadLetterRecords.deadLetter(topics.deadLetter("session.events"),
                topics.physical("session.events"), id, codec.toJson(published),
                "org.springframework.dao.QueryTimeoutException", "Redis command timed out")));

        JsonNode letter = deadLetters.awaitListed("session.events",
                l -> published.id().toString().equals(l.path("eventId").asString(null)));
        assertThat(letter.get("eventType").asString()).isEqualTo(ConferencePublished.TYPE);
        assertThat(letter.get("reason").asString()).contains("Redis command timed out");
        assertThat(conferences.find(id)).as("not known before the replay").isEmpty();
        double appliedBefore = applied();

        assertThat(deadLetters.replay("session.events", letter).get("replayed").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> conferences.find(id).isPresent());

        JsonNode again = deadLetters.replay("session.events", letter);
        assertThat(again.get("replayed").asInt()).isZero();
        assertThat(again.get("alreadyReplayed").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> kafka.lag(topics.group(platform.serviceName()), topics.physical("session.events")) == 0);

        assertThat(applied() - appliedBefore).as("applied once").isEqualTo(1.0);
        String replayOf = DeadLetterApi.replayOf("session.events", letter);
        assertThat(kafka.readAll(topics.physical("session.events")))
                .filteredOn(r -> replayOf.equals(header(r.headers().lastHeader("hybridconf-replay-of"))))
                .as("sent to the topic once").hasSize(1);
    }

    private double applied() {
        var counter = meters.find("events.consumed").tags("type", ConferencePublished.TYPE, "outcome", "applied").counter();
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
