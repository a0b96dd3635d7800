package dev.hybridconf.registration.notification;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.hybridconf.registration.workflow.RegistrationLookup;

/** Finds the recipient of a notification: the registration's participant, if still there. */
@Component
class Recipients {

    private final RegistrationLookup registrations;

    Recipients(RegistrationLookup registrations) {
        this.registrations = registrations;
    }

    /** Empty when the registration is unknown or erased, or has no e-mail address left. */
    Optional<Recipient> find(String registrationId) {
        return registrations.find(registrationId)
                .filter(registration -> registration.email() != null && !registration.email().isBlank())
                .map(registration -> new Recipient(registrationId, registration.conferenceId(),
                        registration.fullName() == null ? "" : registration.fullName(), registration.email(),
                        NotificationTemplates.supported(registration.preferredLanguage()),
                        registration.timeZone() == null ? java.time.ZoneOffset.UTC
                                : java.time.ZoneId.of(registration.timeZone()),
                        registration.status(), registration.offerReplyBy()));
    }
}
