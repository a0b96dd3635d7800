package dev.hybridconf.registration.workflow;

import dev.hybridconf.kit.validation.PlainText;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a participant may change in their own registration; absent fields stay as they are. To stop
 * needing interpretation, send {@code interpretationNeeded: false}.
 */
@ConsistentRequest
public record UpdateRegistrationRequest(
        AttendanceMode attendanceMode,
        @Pattern(regexp = "en|fr|es", message = "{registration.language.supported}") String preferredLanguage,
        Boolean interpretationNeeded,
        @Pattern(regexp = "en|fr|es", message = "{registration.language.supported}") String interpretationLanguage,
        @Size(max = 1000) @PlainText(multiline = true) String accessibilityNeeds,
        @IanaTimeZone String timeZone) implements ConsistentRequest.Checked {

    @Override
    public Boolean sponsorshipRequested() {
        return null;
    }

    @Override
    public String sponsorshipJustification() {
        return null;
    }
}
