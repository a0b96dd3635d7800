package dev.hybridconf.registration.workflow;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the conference admits people (environment: {@code INVITATION_ONLY}, {@code OFFER_REPLY_WITHIN}).
 *
 * @param invitationOnly     refuse registrations without a valid invitation (the starting value;
 *                           organisers change it at {@code PUT /api/registrations/settings})
 * @param offerReplyWithin   how long a waitlist offer holds its place for an answer
 * @param offerSweepInterval how often each replica looks for expired offers and unoffered free places
 * @param invitationLifetime how long an unused invitation code stays valid
 */
@ConfigurationProperties("platform.registration")
public record RegistrationPolicy(boolean invitationOnly, Duration offerReplyWithin, Duration offerSweepInterval,
        Duration invitationLifetime) {

    public RegistrationPolicy {
        offerReplyWithin = offerReplyWithin != null ? offerReplyWithin : Duration.ofHours(48);
        offerSweepInterval = offerSweepInterval != null ? offerSweepInterval : Duration.ofSeconds(30);
        invitationLifetime = invitationLifetime != null ? invitationLifetime : Duration.ofDays(60);
    }
}
