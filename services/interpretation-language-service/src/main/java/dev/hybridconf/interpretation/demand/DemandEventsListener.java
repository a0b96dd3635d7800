package dev.hybridconf.interpretation.demand;

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
import dev.hybridconf.contracts.registration.RegistrationOfferExpired;
import dev.hybridconf.contracts.registration.RegistrationOfferMade;
import dev.hybridconf.contracts.registration.RegistrationRejected;
import dev.hybridconf.contracts.registration.RegistrationSubmitted;
import dev.hybridconf.contracts.registration.RegistrationWaitlisted;
import dev.hybridconf.contracts.session.ConferencePublished;
import dev.hybridconf.contracts.session.ConferenceUpdated;
import dev.hybridconf.contracts.session.SessionCancelled;
import dev.hybridconf.contracts.session.SessionEnrolled;
import dev.hybridconf.contracts.session.SessionEnrolmentCancelled;
import dev.hybridconf.contracts.session.SessionEnrolmentPromoted;
import dev.hybridconf.contracts.session.SessionRescheduled;
import dev.hybridconf.contracts.session.SessionScheduled;
import dev.hybridconf.contracts.session.SessionUpdated;
import dev.hybridconf.interpretation.demand.ParticipantState.Enrolment;
import dev.hybridconf.interpretation.demand.ParticipantState.Languages;
import dev.hybridconf.interpretation.demand.ParticipantState.RegistrationChange;
import dev.hybridconf.interpretation.demand.ProgrammeCopy.Details;
import dev.hybridconf.interpretation.demand.ProgrammeCopy.SessionChange;
import dev.hybridconf.interpretation.demand.ProgrammeCopy.Times;
import dev.hybridconf.kit.redis.AtomicWrite.Outcome;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Keeps the demand view from {@code session.events} (conferences, sessions, enrolments) and
 * {@code registration.events} (status, attendance mode, languages, erasure). One listener reads both topics, so
 * the view is one thing to rebuild; its position, markers and versions are its own ({@value #LISTENER_ID}).
 * Types it does not need are skipped (the kit moves its position past them); another version of a type it applies
 * goes to the dead-letter topic, as do events its contract cannot read.
 */
@Component
class DemandEventsListener {

    private static final Logger log = LoggerFactory.getLogger(DemandEventsListener.class);

    static final String LISTENER_ID = "interpretation-demand";

    private static final List<String> HANDLED = List.of(ConferencePublished.TYPE, ConferenceUpdated.TYPE,
            SessionScheduled.TYPE, SessionUpdated.TYPE, SessionRescheduled.TYPE, SessionCancelled.TYPE,
            SessionEnrolled.TYPE, SessionEnrolmentPromoted.TYPE, SessionEnrolmentCancelled.TYPE,
            RegistrationSubmitted.TYPE, RegistrationApproved.TYPE, RegistrationWaitlisted.TYPE,
            RegistrationOfferMade.TYPE, RegistrationOfferExpired.TYPE, RegistrationRejected.TYPE,
            RegistrationCancelled.TYPE, AttendanceChanged.TYPE, LanguageChanged.TYPE, ParticipantErased.TYPE);

    private final ProgrammeCopy programme;
    private final DemandLedger ledger;
    private final EventCodec codec;
    private final MeterRegistry meters;

    DemandEventsListener(ProgrammeCopy programme, DemandLedger ledger, EventCodec codec, MeterRegistry meters) {
        this.programme = programme;
        this.ledger = ledger;
        this.codec = codec;
        this.meters = meters;
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = {
            "#{@topicNames.physical('session.events')}", "#{@topicNames.physical('registration.events')}" })
    void on(CloudEvent event) {
        Outcome outcome = apply(event);
        String result = outcome == null ? "skipped" : outcome.name().toLowerCase(Locale.ROOT);
        meters.counter("events.consumed", "type", event.type(), "outcome", result).increment();
        log.debug("Event {} ({}): {}", event.id(), event.type(), result);
    }

    private Outcome apply(CloudEvent event) {
        return switch (event.type()) {
            case ConferencePublished.TYPE -> programme.apply(event, codec.payload(event, ConferencePublished.class));
            case ConferenceUpdated.TYPE -> programme.apply(event, codec.payload(event, ConferenceUpdated.class));
            case SessionScheduled.TYPE -> {
                SessionScheduled s = codec.payload(event, SessionScheduled.class);
                yield programme.apply(event, new SessionChange(s.sessionId(), s.conferenceId(), s.sessionVersion(),
                        new Details(s.kind(), s.format(), s.floorLanguages(), s.room(), s.slot(), s.title()),
                        new Times(s.day(), s.start(), s.end(), s.timeZone()), "SCHEDULED"));
            }
            case SessionUpdated.TYPE -> {
                SessionUpdated s = codec.payload(event, SessionUpdated.class);
                yield programme.apply(event, new SessionChange(s.sessionId(), s.conferenceId(), s.sessionVersion(),
                        new Details(s.kind(), s.format(), s.floorLanguages(), s.room(), s.slot(), s.title()),
                        new Times(s.day(), s.start(), s.end(), s.timeZone()), null));
            }
            case SessionRescheduled.TYPE -> {
                SessionRescheduled s = codec.payload(event, SessionRescheduled.class);
                yield programme.apply(event, new SessionChange(s.sessionId(), s.conferenceId(), s.sessionVersion(),
                        null, new Times(s.day(), s.start(), s.end(), s.timeZone()), null));
            }
            case SessionCancelled.TYPE -> {
                SessionCancelled s = codec.payload(event, SessionCancelled.class);
                yield programme.apply(event, new SessionChange(s.sessionId(), s.conferenceId(), s.sessionVersion(),
                        null, null, "CANCELLED"));
            }
            case SessionEnrolled.TYPE -> {
                SessionEnrolled e = codec.payload(event, SessionEnrolled.class);
                String status = Enrolment.ENROLLED.equals(e.status()) ? Enrolment.ENROLLED : Enrolment.WAITLISTED;
                yield ledger.enrolment(event, e.sessionId(), e.conferenceId(), e.registrationId(), status);
            }
            case SessionEnrolmentPromoted.TYPE -> {
                SessionEnrolmentPromoted e = codec.payload(event, SessionEnrolmentPromoted.class);
                yield ledger.enrolment(event, e.sessionId(), e.conferenceId(), e.registrationId(), Enrolment.ENROLLED);
            }
            case SessionEnrolmentCancelled.TYPE -> {
                SessionEnrolmentCancelled e = codec.payload(event, SessionEnrolmentCancelled.class);
                yield ledger.enrolment(event, e.sessionId(), e.conferenceId(), e.registrationId(), Enrolment.NONE);
            }
            case RegistrationSubmitted.TYPE -> {
                RegistrationSubmitted r = codec.payload(event, RegistrationSubmitted.class);
                yield ledger.registration(event, r.registrationId(), new RegistrationChange(r.conferenceId(),
                        "PENDING", r.attendanceMode(), new Languages(r.preferredLanguage(), null), false));
            }
            case RegistrationApproved.TYPE -> {
                RegistrationApproved r = codec.payload(event, RegistrationApproved.class);
                yield ledger.registration(event, r.registrationId(), new RegistrationChange(r.conferenceId(),
                        "APPROVED", r.attendanceMode(),
                        new Languages(r.preferredLanguage(), r.interpretationLanguage()), false));
            }
            case RegistrationWaitlisted.TYPE -> {
                RegistrationWaitlisted r = codec.payload(event, RegistrationWaitlisted.class);
                yield status(event, r.registrationId(), r.conferenceId(), "WAITLISTED", r.attendanceMode());
            }
            case RegistrationOfferMade.TYPE -> {
                RegistrationOfferMade r = codec.payload(event, RegistrationOfferMade.class);
                yield status(event, r.registrationId(), r.conferenceId(), "OFFERED", r.attendanceMode());
            }
            case RegistrationOfferExpired.TYPE -> {
                RegistrationOfferExpired r = codec.payload(event, RegistrationOfferExpired.class);
                yield status(event, r.registrationId(), r.conferenceId(), "EXPIRED", r.attendanceMode());
            }
            case RegistrationRejected.TYPE -> {
                RegistrationRejected r = codec.payload(event, RegistrationRejected.class);
                yield status(event, r.registrationId(), r.conferenceId(), "REJECTED", null);
            }
            case RegistrationCancelled.TYPE -> {
                RegistrationCancelled r = codec.payload(event, RegistrationCancelled.class);
                yield status(event, r.registrationId(), r.conferenceId(), "CANCELLED", r.attendanceMode());
            }
            case AttendanceChanged.TYPE -> {
                AttendanceChanged r = codec.payload(event, AttendanceChanged.class);
                yield status(event, r.registrationId(), r.conferenceId(), r.status(), r.attendanceMode());
            }
            case LanguageChanged.TYPE -> {
                LanguageChanged r = codec.payload(event, LanguageChanged.class);
                yield ledger.registration(event, r.registrationId(), new RegistrationChange(r.conferenceId(), null,
                        null, new Languages(r.preferredLanguage(), r.interpretationLanguage()), false));
            }
            case ParticipantErased.TYPE -> {
                ParticipantErased r = codec.payload(event, ParticipantErased.class);
                yield ledger.registration(event, r.registrationId(),
                        new RegistrationChange(r.conferenceId(), null, null, null, true));
            }
            default -> {
                EventTypes.requireKnownVersion(event.type(), HANDLED);
                yield null;
            }
        };
    }

    private Outcome status(CloudEvent event, String registrationId, String conferenceId, String status, String mode) {
        return ledger.registration(event, registrationId,
                new RegistrationChange(conferenceId, status, mode, null, false));
    }
}
