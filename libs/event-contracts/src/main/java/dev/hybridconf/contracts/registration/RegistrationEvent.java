package dev.hybridconf.contracts.registration;

import dev.hybridconf.contracts.EventPayload;

/**
 * Every event about one registration; the aggregate id is the registration id. A registration belongs
 * to one conference, named by every event about it ({@link #conferenceId()}), so that each consumer
 * keeps its copies per conference.
 */
public sealed interface RegistrationEvent extends EventPayload permits RegistrationSubmitted,
        RegistrationApproved, RegistrationWaitlisted, RegistrationRejected, RegistrationCancelled, RegistrationOfferMade,
        RegistrationOfferExpired, AttendanceChanged, LanguageChanged, RolesChanged, SponsorshipDecided,
        ParticipantErased, RegistrationReminderRequested {

    String registrationId();

    /**
     * The conference the registration belongs to (the session service's conference id). Null only in
     * events written before registrations had a conference; consumers read those as the deployment's
     * default conference ({@code DEFAULT_CONFERENCE}, ADR 0015).
     */
    String conferenceId();

    @Override
    default String aggregateId() {
        return registrationId();
    }
}
