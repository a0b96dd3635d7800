package dev.hybridconf.registration.workflow;

import java.time.Instant;

/** A registration as the API shows it. */
public record RegistrationView(
        String id,
        String status,
        String fullName,
        String email,
        String organisation,
        String country,
        AttendanceMode attendanceMode,
        String preferredLanguage,
        Instant submittedAt) {
}
