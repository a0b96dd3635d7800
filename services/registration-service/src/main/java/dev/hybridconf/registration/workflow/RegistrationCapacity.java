package dev.hybridconf.registration.workflow;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The places per attendance mode of a conference that states none (environment: {@code IN_PERSON_CAPACITY},
 * {@code REMOTE_CAPACITY}). A conference's own places, published by the session service, take precedence
 * (ADR 0015); approval never goes beyond the places that apply.
 *
 * @param inPerson places in the room (the Barcelona "Local Action" event had at most 100)
 * @param remote   places on Zoom
 */
@ConfigurationProperties("platform.registration.capacity")
public record RegistrationCapacity(int inPerson, int remote) {

    public RegistrationCapacity {
        inPerson = inPerson > 0 ? inPerson : 100;
        remote = remote > 0 ? remote : 1000;
    }

    int limit(AttendanceMode mode) {
        return mode == AttendanceMode.IN_PERSON ? inPerson : remote;
    }
}
