package dev.hybridconf.registration.workflow;

/** How a participant attends; capacity is counted separately for each. */
public enum AttendanceMode {
    IN_PERSON,
    REMOTE
}
