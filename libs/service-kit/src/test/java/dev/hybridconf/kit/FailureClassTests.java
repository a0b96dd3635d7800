package dev.hybridconf.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.util.List;

import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

import dev.hybridconf.contracts.EventTypes;
import dev.hybridconf.contracts.MalformedEventException;
import dev.hybridconf.contracts.UnknownEventVersionException;
import dev.hybridconf.kit.errors.ConflictException;
import dev.hybridconf.kit.errors.NotFoundException;
import dev.hybridconf.kit.messaging.FailureClass;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/** What is retried and what is dead-lettered, decided from the failure as the container hands it over (wrapped). */
class FailureClassTests {

    @Test
    void infrastructureFailuresAndLostRacesAreTransient() {
        assertThat(FailureClass.of(wrapped(new JedisConnectionException(new ConnectException("refused")))))
                .isEqualTo(FailureClass.TRANSIENT);
        assertThat(FailureClass.of(wrapped(new JedisDataException("LOADING Redis is loading the dataset in memory"))))
                .isEqualTo(FailureClass.TRANSIENT);
        assertThat(FailureClass.of(wrapped(new TimeoutException("broker")))).isEqualTo(FailureClass.TRANSIENT);
        assertThat(FailureClass.of(wrapped(new ConflictException("participant-changed-concurrently",
                "participant.changed-concurrently", "r1")))).isEqualTo(FailureClass.TRANSIENT);
    }

    @Test
    void brokenEventsAreDeadLetteredWithTheirReason() {
        assertThat(FailureClass.of(wrapped(new DeserializationException("bad", new byte[0], false, null))).reason())
                .isEqualTo("undecodable");
        assertThat(FailureClass.of(wrapped(new MalformedEventException("data does not match", null))).reason())
                .isEqualTo("schema-invalid");
        assertThat(FailureClass.of(wrapped(new UnknownEventVersionException("registration.approved.v2"))).reason())
                .isEqualTo("unknown-version");
        assertThat(FailureClass.of(wrapped(new NotFoundException("session.not-found", "s")))
                .reason()).isEqualTo("rejected");
    }

    @Test
    void aDefectIsNeitherTransientNorBroken() {
        assertThat(FailureClass.of(wrapped(new NullPointerException()))).isEqualTo(FailureClass.UNEXPECTED);
        assertThat(FailureClass.of(wrapped(new JedisDataException("WRONGTYPE Operation against a key"))))
                .isEqualTo(FailureClass.UNEXPECTED);
    }

    @Test
    void anotherVersionOfAHandledTypeIsRefusedAndAnUnknownFamilySkipped() {
        List<String> handled = List.of("registration.approved.v1", "registration.cancelled.v1");
        assertThatThrownBy(() -> EventTypes.requireKnownVersion("registration.approved.v2", handled))
                .isInstanceOf(UnknownEventVersionException.class);
        EventTypes.requireKnownVersion("registration.approved.v1", handled);
        EventTypes.requireKnownVersion("registration.sponsorship-decided.v2", handled);
        EventTypes.requireKnownVersion("registration.approved", handled);
        EventTypes.requireKnownVersion("registration.approved.vX", handled);
    }

    private static Exception wrapped(Throwable cause) {
        return new ListenerExecutionFailedException("listener failed", cause);
    }
}
