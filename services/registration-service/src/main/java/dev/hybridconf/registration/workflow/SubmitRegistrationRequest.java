package dev.hybridconf.registration.workflow;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The registration form as a participant submits it. */
public record SubmitRegistrationRequest(
        @NotBlank @Size(max = 200) String fullName,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 200) String organisation,
        @NotBlank @IsoCountry String country,
        @NotNull AttendanceMode attendanceMode,
        @NotBlank @Pattern(regexp = "en|fr|es", message = "{registration.language.supported}") String preferredLanguage,
        @NotNull @AssertTrue(message = "{registration.consent.required}") Boolean privacyConsent) {
}
