package dev.hybridconf.registration.workflow;

import java.time.Instant;
import java.util.List;

/**
 * A registration as the API shows it to its owner and to organisers.
 *
 * @param conferenceId the conference the registration is for
 * @param offerReplyBy while the status is {@code OFFERED}: the moment the held place passes to the next person
 */
public record RegistrationView(
        String id,
        String conferenceId,
        String status,
        String fullName,
        String email,
        String organisation,
        String position,
        String city,
        String country,
        AttendanceMode attendanceMode,
        String preferredLanguage,
        boolean interpretationNeeded,
        String interpretationLanguage,
        String accessibilityNeeds,
        String timeZone,
        String sponsorship,
        String sponsorshipJustification,
        List<String> roles,
        Instant submittedAt,
        Instant offerReplyBy) {
}
