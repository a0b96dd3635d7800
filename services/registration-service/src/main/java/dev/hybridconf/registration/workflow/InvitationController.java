package dev.hybridconf.registration.workflow;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.kit.errors.NotFoundException;
import dev.hybridconf.kit.validation.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Organisers invite people. The invitee gets an e-mail in the invitation's language with their
 * link; the organiser's answer carries a code and link too (shown this once), for other channels.
 */
@RestController
@RequestMapping("/api/registrations/invitations")
@PreAuthorize("hasRole('organiser')")
class InvitationController {

    record InviteRequest(
            @NotBlank @Pattern(regexp = ConferenceIds.PATTERN, message = "{registration.conference.id}") String conferenceId,
            @NotBlank @Email @Size(max = 254) @PlainText String email,
            @Size(max = 6) List<@NotNull @Pattern(regexp = Registration.Roles.PATTERN) String> roles,
            Boolean skipReview,
            @Pattern(regexp = "en|fr|es", message = "{registration.language.supported}") String language) {
    }

    /** A new invitation with its code and link (shown only in this answer). */
    record IssuedInvitation(Invitations.Invitation invitation, String code, URI link) {
    }

    record InvitationPage(String conferenceId, long total, int page, int size, List<Invitations.Invitation> items) {
    }

    private final Invitations invitations;
    private final ConferenceRules conferences;

    InvitationController(Invitations invitations, ConferenceRules conferences) {
        this.invitations = invitations;
        this.conferences = conferences;
    }

    @PostMapping
    ResponseEntity<IssuedInvitation> invite(@Valid @RequestBody InviteRequest request) {
        Invitations.Issued issued = invitations.issue(request.conferenceId(), request.email(), request.roles(),
                Boolean.TRUE.equals(request.skipReview()), request.language());
        return ResponseEntity.created(URI.create("/api/registrations/invitations/" + issued.invitation().id()))
                .body(new IssuedInvitation(issued.invitation(), issued.code(), issued.link()));
    }

    /** One conference's invitations ({@code conference}, required), newest first. */
    @GetMapping
    InvitationPage list(@RequestParam(required = false) String conference,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        String id = conferences.requireParameter(conference).id();
        return new InvitationPage(id, invitations.count(id), page, size, invitations.page(id, page, size));
    }

    @GetMapping("/{id}")
    Invitations.Invitation get(@PathVariable UUID id) {
        return invitations.find(id.toString())
                .orElseThrow(() -> new NotFoundException("invitation.not-found", id));
    }

    /** Withdraws an unused invitation; its code stops working. */
    @DeleteMapping("/{id}")
    Invitations.Invitation revoke(@PathVariable UUID id) {
        return invitations.revoke(id.toString());
    }
}
