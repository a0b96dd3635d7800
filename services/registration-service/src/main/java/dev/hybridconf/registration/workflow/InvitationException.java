package dev.hybridconf.registration.workflow;

import org.springframework.http.HttpStatus;

import dev.hybridconf.kit.errors.ProblemException;

/** A registration that needs an invitation came without a valid one. */
class InvitationException extends ProblemException {

    private InvitationException(HttpStatus status, String slug, String messageKey) {
        super(status, slug, messageKey);
    }

    static InvitationException required() {
        return new InvitationException(HttpStatus.FORBIDDEN, "invitation-required", "invitation.required");
    }

    static InvitationException invalid() {
        return new InvitationException(HttpStatus.UNPROCESSABLE_ENTITY, "invitation-invalid", "invitation.invalid");
    }
}
