package dev.hybridconf.streaming.catalog;

/**
 * A participant's Zoom registration in one session, as stored in {@link StreamingKeys#registrants}: the
 * personal join URL is valid only for the meeting it was issued for.
 */
public record JoinLink(String meetingId, String registrantId, String joinUrl) {
}
