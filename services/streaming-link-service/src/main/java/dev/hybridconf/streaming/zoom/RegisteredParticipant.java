package dev.hybridconf.streaming.zoom;

/** One registrant of a batch registration, with their personal join link. */
public record RegisteredParticipant(String email, String registrantId, String joinUrl, Long participantPinCode) {
}
