package dev.hybridconf.streaming.participants;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.hybridconf.contracts.CloudEvent;
import dev.hybridconf.contracts.EventCodec;
import dev.hybridconf.contracts.EventTypes;
import dev.hybridconf.contracts.registration.AttendanceChanged;
import dev.hybridconf.contracts.registration.LanguageChanged;
import dev.hybridconf.contracts.registration.ParticipantErased;
import dev.hybridconf.contracts.registration.RegistrationApproved;
import dev.hybridconf.contracts.registration.RegistrationCancelled;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Keeps the participant copy from {@code registration.events}: approvals, attendance and language changes,
 * cancellations and erasures. Other registration types are skipped. Its own consumer group, so that other
 * listeners of the service on the same topic still see every event.
 */
@Component
class RegistrationEventsListener {

    private static final Logger log = LoggerFactory.getLogger(RegistrationEventsListener.class);

    /** The types this copy applies; another version of one of them goes to the dead-letter topic, not skipped. */
    private static final List<String> HANDLED = List.of(RegistrationApproved.TYPE, AttendanceChanged.TYPE,
            LanguageChanged.TYPE, RegistrationCancelled.TYPE, ParticipantErased.TYPE);

    private final ParticipantCopy participants;
    private final EventCodec codec;
    private final MeterRegistry meters;

    RegistrationEventsListener(ParticipantCopy participants, EventCodec codec, MeterRegistry meters) {
        this.participants = participants;
        this.codec = codec;
        this.meters = meters;
    }

    @KafkaListener(id = "streaming-participants",
            groupId = "#{@topicNames.group('streaming-link-service')}.participants",
            topics = "#{@topicNames.physical('registration.events')}")
    void on(CloudEvent event) {
        String outcome = switch (event.type()) {
            case RegistrationApproved.TYPE -> {
                RegistrationApproved e = codec.payload(event, RegistrationApproved.class);
                yield participants.approved(event, e.registrationId(), e.conferenceId(), e.attendanceMode(),
                        e.preferredLanguage(), e.interpretationLanguage());
            }
            case AttendanceChanged.TYPE -> {
                AttendanceChanged e = codec.payload(event, AttendanceChanged.class);
                yield participants.attendanceChanged(event, e.registrationId(), e.conferenceId(), e.attendanceMode(),
                        e.status());
            }
            case LanguageChanged.TYPE -> {
                LanguageChanged e = codec.payload(event, LanguageChanged.class);
                yield participants.languageChanged(event, e.registrationId(), e.preferredLanguage(),
                        e.interpretationLanguage());
            }
            case RegistrationCancelled.TYPE -> {
                RegistrationCancelled e = codec.payload(event, RegistrationCancelled.class);
                yield participants.cancelled(event, e.registrationId(), e.conferenceId());
            }
            case ParticipantErased.TYPE -> {
                ParticipantErased e = codec.payload(event, ParticipantErased.class);
                yield participants.erased(event, e.registrationId(), e.conferenceId());
            }
            default -> {
                EventTypes.requireKnownVersion(event.type(), HANDLED);
                yield "skipped";
            }
        };
        meters.counter("events.consumed", "type", event.type(), "outcome", outcome).increment();
        log.debug("Registration event {} ({}): {}", event.id(), event.type(), outcome);
    }
}
