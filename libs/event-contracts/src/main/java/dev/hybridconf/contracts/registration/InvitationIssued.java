package dev.hybridconf.contracts.registration;

import dev.hybridconf.contracts.EventPayload;

/**
 * An organiser invited someone. The registration service mails the invitation (with a fresh code)
 * in {@code language}; the event itself carries neither the address nor a code. An invitation is to
 * one conference ({@code conferenceId}).
 */
public record InvitationIssued(String invitationId, String conferenceId, String language, boolean skipReview)
        implements EventPayload {

    public static final String TYPE = "invitation.issued.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return invitationId;
    }
}
