package dev.hybridconf.registration.workflow;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The registration form as a participant submits it.
 *
 * @param interpretationLanguage required when {@code interpretationNeeded} is true
 * @param sponsorshipJustification required when {@code sponsorshipRequested} is true
 * @param timeZone                 optional IANA zone id (e.g. {@code America/Bogota}) for personal agendas
 * @param invitationCode           the code from an invitation link; required when the conference is invitation-only
 */
@ConsistentRequest
public record SubmitRegistrationRequest(
        @NotBlank @Size(max = 200) String fullName,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 200) String organisation,
        @NotBlank @Size(max = 200) String position,
        @NotBlank @Size(max = 120) String city,
        @NotBlank @IsoCountry String country,
        @NotNull AttendanceMode attendanceMode,
        @NotBlank @Pattern(regexp = "en|fr|es", message = "{registration.language.supported}") String preferredLanguage,
        Boolean interpretationNeeded,
        @Pattern(regexp = "en|fr|es", message = "{registration.language.supported}") String interpretationLanguage,
        @Size(max = 1000) String accessibilityNeeds,
        @IanaTimeZone String timeZone,
        Boolean sponsorshipRequested,
        @Size(max = 1000) String sponsorshipJustification,
        @Size(max = 128) String invitationCode,
        @NotNull @AssertTrue(message = "{registration.consent.required}") Boolean privacyConsent)
        implements ConsistentRequest.Checked {
}
