package dev.hybridconf.registration.notification;

/** What a message needs to know about a participant. */
record Recipient(String registrationId, String fullName, String email, String language) {
}
