package dev.hybridconf.streaming.participants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.registration.ParticipantErased;
import dev.hybridconf.contracts.registration.RegistrationApproved;
import dev.hybridconf.contracts.registration.RegistrationCancelled;
import dev.hybridconf.kit.messaging.TopicNames;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.streaming.catalog.StreamingKeys;
import dev.hybridconf.streaming.registrants.TestEvents;
import dev.hybridconf.testinfra.KafkaProbe;
import dev.hybridconf.testinfra.PlatformInfrastructure;

/**
 * The streaming service's copy of registrations applies an event only when newer than the version it holds:
 * an {@code approved} arriving after the {@code cancelled} that followed it does not put the person back among the
 * remote participants a plenary registers in Zoom, and nothing late brings an erased participant back.
 */
@SpringBootTest
@PlatformInfrastructure
class ParticipantCopyOrderTests {

    static final Duration DEADLINE = Duration.ofSeconds(30);
    static final String CONFERENCE = "copy-order-2026";

    @Autowired
    RedisStore store;

    @Autowired
    StreamingKeys keys;

    @Autowired
    TopicNames topics;

    @Test
    void aLateApprovalDoesNotMakeACancelledParticipantRemoteAgain() {
        String id = UUID.randomUUID().toString();
        TestEvents events = new TestEvents(topics);
        events.registrationEvents(List.of(
                version(events.registration(approved(id)), 2),
                version(events.registration(new RegistrationCancelled(id, CONFERENCE, "REMOTE", true)), 3),
                version(events.registration(approved(id)), 2)));

        awaitConsumed();
        assertThat(store.redis().hget(keys.participant(id), "status")).isEqualTo("CANCELLED");
        assertThat(store.redis().sismember(keys.remoteParticipants(CONFERENCE), id)).isFalse();
    }

    @Test
    void nothingLateBringsAnErasedParticipantBack() {
        String id = UUID.randomUUID().toString();
        TestEvents events = new TestEvents(topics);
        events.registrationEvents(List.of(
                version(events.registration(approved(id)), 2),
                version(events.registration(new ParticipantErased(id, CONFERENCE, "REMOTE", true)), 5),
                version(events.registration(approved(id)), 4)));

        awaitConsumed();
        assertThat(store.redis().exists(keys.participant(id))).isFalse();
        assertThat(store.redis().sismember(keys.remoteParticipants(CONFERENCE), id)).isFalse();
    }

    private static RegistrationApproved approved(String id) {
        return new RegistrationApproved(id, CONFERENCE, "REMOTE", "fr", "en", null, List.of("participant"));
    }

    private static CloudEvent version(CloudEvent event, long version) {
        return event.withAggregateVersion(version);
    }

    private void awaitConsumed() {
        await().atMost(DEADLINE).until(() -> KafkaProbe.shared()
                .lag(topics.group("streaming-link-service") + ".participants", topics.physical("registration.events")) == 0);
    }
}
