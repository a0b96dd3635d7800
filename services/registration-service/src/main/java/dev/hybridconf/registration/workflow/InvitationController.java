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
            @NotBlank @Email @Size(max = 254) @PlainText String email,
            @Size(max = 6) List<@NotNull @Pattern(regexp = Registration.Roles.PATTERN) String> roles,
            Boolean skipReview,
            @Pattern(regexp = "en|fr|es", message = "{registration.language.supported}") String language) {
    }

    /** A new invitation with its code and link (shown only in this answer). */
    record IssuedInvitation(Invitations.Invitation invitation, String code, URI link) {
    }

    record InvitationPage(long total, int page, int size, List<Invitations.Invitation> items) {
    }

    private final Invitations invitations;

    InvitationController(Invitations invitations) {
        this.invitations = invitations;
    }

    @PostMapping
    ResponseEntity<IssuedInvitation> invite(@Valid @RequestBody InviteRequest request) {
        Invitations.Issued issued = invitations.issue(request.email(), request.roles(),
                Boolean.TRUE.equals(request.skipReview()), request.language());
        return ResponseEntity.created(URI.create("/api/registrations/invitations/" + issued.invitation().id()))
                .body(new IssuedInvitation(issued.invitation(), issued.code(), issued.link()));
    }

    @GetMapping
    InvitationPage list(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return new InvitationPage(invitations.count(), page, size, invitations.page(page, size));
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
