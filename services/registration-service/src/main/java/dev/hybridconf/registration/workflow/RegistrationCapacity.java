package dev.hybridconf.registration.workflow;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Places per attendance mode; approval never goes beyond them.
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
