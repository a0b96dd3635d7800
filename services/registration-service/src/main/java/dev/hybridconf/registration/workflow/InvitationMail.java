package dev.hybridconf.registration.workflow;

import java.net.URI;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** What the notification feature needs to mail an invitation, without knowing how invitations are stored. */
@Component
public class InvitationMail {

    /** An open invitation's conference, address, language and a fresh personal link. */
    public record Letter(String conferenceId, String email, String language, boolean skipReview, URI link) {
    }

    private final Invitations invitations;

    InvitationMail(Invitations invitations) {
        this.invitations = invitations;
    }

    /** Empty when the invitation is gone, used or revoked: there is nothing to send any more. */
    public Optional<Letter> letter(String invitationId) {
        return invitations.freshCode(invitationId).map(issued -> new Letter(issued.invitation().conferenceId(), issued.invitation().email(),
                issued.invitation().language(), issued.invitation().skipReview(), issued.link()));
    }
}
