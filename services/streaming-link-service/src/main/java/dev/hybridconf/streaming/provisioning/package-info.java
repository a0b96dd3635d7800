/**
 * Provisioning from session events: the listener records each session's desired state (the programme's facts) in
 * its hash and marks it due; a worker on every replica drives Zoom to that state (create, update, delete the meeting
 * or webinar on a host of the pool), one session at a time under a short lock, retrying failures with back-off.
 * Meetings Zoom lost (deleted behind the platform's back, or forgotten) are reported to {@link
 * dev.hybridconf.streaming.provisioning.LostMeetings} by whoever notices (a call, the webhook consumer, the periodic
 * reconciliation) and re-created by the same worker. See {@code docs/services/streaming-link.md}.
 */
package dev.hybridconf.streaming.provisioning;
