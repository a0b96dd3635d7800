package dev.hybridconf.registration.notification;

/**
 * What a message needs to know about a participant.
 *
 * @param timeZone the participant's zone for dates in messages (UTC when they gave none)
 */
record Recipient(String registrationId, String fullName, String email, String language, java.time.ZoneId timeZone) {
}
