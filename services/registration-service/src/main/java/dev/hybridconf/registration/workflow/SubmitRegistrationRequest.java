package dev.hybridconf.registration.workflow;

import dev.hybridconf.kit.validation.PlainText;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The registration form as a participant submits it. Every text a person reads is plain text
 * ({@link PlainText}): no control characters or direction overrides; the needs and the sponsorship
 * reason may span lines.
 *
 * @param conferenceId           the conference registered for (its id in the session service's programme, e.g.
 *                               {@code local-action-2024}); one person may register for several, each once
 * @param interpretationLanguage required when {@code interpretationNeeded} is true
 * @param sponsorshipJustification required when {@code sponsorshipRequested} is true
 * @param timeZone                 optional IANA zone id (e.g. {@code America/Bogota}) for personal agendas
 * @param invitationCode           the code from an invitation link; required when the conference is invitation-only
 */
@ConsistentRequest
public record SubmitRegistrationRequest(
        @NotBlank @Pattern(regexp = ConferenceIds.PATTERN, message = "{registration.conference.id}") String conferenceId,
        @NotBlank @Size(max = 200) @PlainText String fullName,
        @NotBlank @Email @Size(max = 254) @PlainText String email,
        @NotBlank @Size(max = 200) @PlainText String organisation,
        @NotBlank @Size(max = 200) @PlainText String position,
        @NotBlank @Size(max = 120) @PlainText String city,
        @NotBlank @IsoCountry String country,
        @NotNull AttendanceMode attendanceMode,
        @NotBlank @Pattern(regexp = "en|fr|es", message = "{registration.language.supported}") String preferredLanguage,
        Boolean interpretationNeeded,
        @Pattern(regexp = "en|fr|es", message = "{registration.language.supported}") String interpretationLanguage,
        @Size(max = 1000) @PlainText(multiline = true) String accessibilityNeeds,
        @IanaTimeZone String timeZone,
        Boolean sponsorshipRequested,
        @Size(max = 1000) @PlainText(multiline = true) String sponsorshipJustification,
        @Size(max = 128) @PlainText String invitationCode,
        @NotNull @AssertTrue(message = "{registration.consent.required}") Boolean privacyConsent)
        implements ConsistentRequest.Checked {
}
