package dev.hybridconf.registration.workflow;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How waiting lists and invitations behave in every conference (environment: {@code OFFER_REPLY_WITHIN}).
 * Whether a conference is invitation-only, its places and its window come from the conference itself
 * (ADR 0015); {@code INVITATION_ONLY} is no longer read.
 *
 * @param offerReplyWithin   how long a waitlist offer holds its place for an answer
 * @param offerSweepInterval how often each replica looks for expired offers and unoffered free places
 * @param invitationLifetime how long an unused invitation code stays valid
 */
@ConfigurationProperties("platform.registration")
public record RegistrationPolicy(Duration offerReplyWithin, Duration offerSweepInterval,
        Duration invitationLifetime) {

    public RegistrationPolicy {
        offerReplyWithin = offerReplyWithin != null ? offerReplyWithin : Duration.ofHours(48);
        offerSweepInterval = offerSweepInterval != null ? offerSweepInterval : Duration.ofSeconds(30);
        invitationLifetime = invitationLifetime != null ? invitationLifetime : Duration.ofDays(60);
    }
}
