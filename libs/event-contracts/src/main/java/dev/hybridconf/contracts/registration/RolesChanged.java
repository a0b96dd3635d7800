package dev.hybridconf.contracts.registration;

import java.util.List;

/** An organiser changed the participant's roles; {@code roles} is the complete new set. */
public record RolesChanged(String registrationId, String conferenceId, List<String> roles)
        implements RegistrationEvent {

    public static final String TYPE = "registration.roles-changed.v1";

    public RolesChanged {
        roles = List.copyOf(roles);
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
