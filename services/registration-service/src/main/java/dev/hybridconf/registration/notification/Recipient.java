package dev.hybridconf.registration.notification;

/**
 * What a message needs to know about a participant.
 *
 * @param conferenceId the conference the registration is for (its name goes in every message)
 * @param timeZone     the participant's zone for dates in messages (UTC when they gave none)
 * @param status       the registration's status now
 * @param offerReplyBy while an offer is open, its reply-by time
 */
record Recipient(String registrationId, String conferenceId, String fullName, String email, String language, java.time.ZoneId timeZone,
        String status, java.time.Instant offerReplyBy) {
}
