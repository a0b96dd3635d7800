package dev.hybridconf.contracts.session;

import java.time.Instant;

/**
 * A session went live or ended (scheduled, live, ended; never back). {@code liveVersion} counts the
 * session's live-status changes, so a consumer applies them in order and ignores an older one.
 *
 * @param status         {@code LIVE} or {@code ENDED}
 * @param previousStatus {@code SCHEDULED} or {@code LIVE}
 * @param origin         {@code API} (an organiser or streaming staff) or {@code STREAMING} (a streaming event)
 * @param occurredAt     when it happened (the streaming event's time, or when the request was made)
 */
public record LiveStatusChanged(
        String sessionId,
        String conferenceId,
        String status,
        String previousStatus,
        String origin,
        long liveVersion,
        Instant occurredAt) implements SessionActivityEvent {

    public static final String TYPE = "session.live-status-changed.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}
