package dev.hybridconf.session.participants;

import java.util.List;
import java.util.Locale;

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
import dev.hybridconf.contracts.registration.RegistrationEvent;
import dev.hybridconf.contracts.registration.RegistrationOfferExpired;
import dev.hybridconf.contracts.registration.RegistrationOfferMade;
import dev.hybridconf.contracts.registration.RegistrationRejected;
import dev.hybridconf.contracts.registration.RegistrationSubmitted;
import dev.hybridconf.contracts.registration.RegistrationWaitlisted;
import dev.hybridconf.contracts.registration.RolesChanged;
import dev.hybridconf.kit.errors.ConflictException;
import dev.hybridconf.kit.redis.AtomicWrite.Outcome;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Applies registration events to the participant directory; types it does not need (e.g.
 * {@code registration.sponsorship-decided.v1}) are skipped. An event whose write lost a race (its
 * preconditions no longer held) is decided again at once, so a busy breakout never sends a
 * cancellation or an erasure to the dead-letter topic.
 */
@Component
class RegistrationEventsListener {

    private static final Logger log = LoggerFactory.getLogger(RegistrationEventsListener.class);

    static final String LISTENER_ID = "registration-events";

    /** A conflict lost this many times in a row is left to the container's error handler. */
    static final int ATTEMPTS = 50;

    private static final String CHANGED_CONCURRENTLY = "-changed-concurrently";

    /** The types the directory applies; another version of one of them goes to the dead-letter topic, not skipped. */
    private static final List<String> HANDLED = List.of(RegistrationSubmitted.TYPE, RegistrationApproved.TYPE,
            RegistrationWaitlisted.TYPE, RegistrationOfferMade.TYPE, RegistrationOfferExpired.TYPE,
            RegistrationRejected.TYPE, RegistrationCancelled.TYPE, AttendanceChanged.TYPE, LanguageChanged.TYPE,
            RolesChanged.TYPE, ParticipantErased.TYPE);

    private final ParticipantDirectory directory;
    private final EventCodec codec;
    private final MeterRegistry meters;

    RegistrationEventsListener(ParticipantDirectory directory, EventCodec codec, MeterRegistry meters) {
        this.directory = directory;
        this.codec = codec;
        this.meters = meters;
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = "#{@topicNames.physical('registration.events')}")
    void on(CloudEvent event) {
        Outcome outcome;
        for (int attempt = 1; ; attempt++) {
            try {
                outcome = apply(event);
                break;
            } catch (ConflictException e) {
                // Another write moved what this one was decided on (an enrolment, a promotion, the
                // stored mode): nothing was written, so decide again on what is there now. The event's
                // id marker makes a decision that did land count once.
                if (!e.slug().endsWith(CHANGED_CONCURRENTLY) || attempt >= ATTEMPTS) {
                    throw e;
                }
                meters.counter("events.decided-again", "type", event.type()).increment();
            }
        }
        String result = outcome == null ? "skipped" : outcome.name().toLowerCase(Locale.ROOT);
        meters.counter("events.consumed", "type", event.type(), "outcome", result).increment();
        if (outcome == Outcome.DUPLICATE) {
            log.debug("Event {} ({}) was already applied", event.id(), event.type());
        }
    }

    private Outcome apply(CloudEvent event) {
        return switch (event.type()) {
            case RegistrationSubmitted.TYPE -> directory.apply(event, codec.payload(event, RegistrationSubmitted.class));
            case RegistrationApproved.TYPE ->
                directory.applyApproved(event, codec.payload(event, RegistrationApproved.class));
            case RegistrationWaitlisted.TYPE -> status(event, codec.payload(event, RegistrationWaitlisted.class),
                    "WAITLISTED");
            case RegistrationOfferMade.TYPE -> status(event, codec.payload(event, RegistrationOfferMade.class), "OFFERED");
            case RegistrationOfferExpired.TYPE -> status(event, codec.payload(event, RegistrationOfferExpired.class),
                    "EXPIRED");
            case RegistrationRejected.TYPE -> status(event, codec.payload(event, RegistrationRejected.class), "REJECTED");
            case RegistrationCancelled.TYPE -> {
                RegistrationCancelled cancelled = codec.payload(event, RegistrationCancelled.class);
                yield directory.applyCancelled(event, cancelled.registrationId(), cancelled.conferenceId(),
                        cancelled.placeReleased());
            }
            case AttendanceChanged.TYPE ->
                directory.applyAttendanceChange(event, codec.payload(event, AttendanceChanged.class));
            case LanguageChanged.TYPE ->
                directory.applyLanguageChange(event, codec.payload(event, LanguageChanged.class));
            case RolesChanged.TYPE -> directory.applyRolesChange(event, codec.payload(event, RolesChanged.class));
            case ParticipantErased.TYPE -> directory.erase(event, codec.payload(event, ParticipantErased.class));
            default -> {
                EventTypes.requireKnownVersion(event.type(), HANDLED);
                yield null;
            }
        };
    }

    private Outcome status(CloudEvent event, RegistrationEvent payload, String status) {
        return directory.applyStatus(event, payload.registrationId(), payload.conferenceId(), status);
    }
}
