package dev.hybridconf.registration.workflow;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Read access to registrations for the service's other features (identity, notifications), so
 * that only this package knows how a registration is stored.
 */
@Component
public class RegistrationLookup {

    private final Registrations registrations;

    RegistrationLookup(Registrations registrations) {
        this.registrations = registrations;
    }

    /** Empty when there is no such registration (never submitted, or erased). */
    public Optional<RegistrationView> find(String registrationId) {
        return registrations.find(registrationId).map(Registration::view);
    }
}
