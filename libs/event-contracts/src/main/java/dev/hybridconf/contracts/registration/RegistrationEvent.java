package dev.hybridconf.contracts.registration;

import dev.hybridconf.contracts.EventPayload;

/** Every event about one registration; the aggregate id is the registration id. */
public sealed interface RegistrationEvent extends EventPayload permits RegistrationSubmitted,
        RegistrationApproved, RegistrationWaitlisted, RegistrationRejected, RegistrationCancelled, RegistrationOfferMade,
        RegistrationOfferExpired, AttendanceChanged, LanguageChanged, RolesChanged, SponsorshipDecided,
        ParticipantErased, RegistrationReminderRequested {

    String registrationId();

    @Override
    default String aggregateId() {
        return registrationId();
    }
}
