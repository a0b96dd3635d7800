package dev.hybridconf.contracts.streaming;

import java.time.Instant;

/**
 * A session's Zoom meeting could not be provisioned (or updated, or deleted) for now.
 *
 * @param reason   {@code HOST_POOL_EXHAUSTED} (no free host for the time slot), {@code DAILY_CAP_EXHAUSTED}
 *                 (every free host used its 100 writes today), {@code ZOOM_REJECTED} (Zoom refused the request)
 *                 or {@code ZOOM_UNAVAILABLE} (errors, timeouts or rate limits after retries)
 * @param detail   a short English explanation for streaming staff, without links or personal data
 * @param attempts how many times provisioning was tried for this session version
 * @param retryAt  when it will be tried again, or null when only a change (more hosts, a new version) will
 */
public record ProvisioningFailed(
        String sessionId,
        String conferenceId,
        String reason,
        String detail,
        int attempts,
        Instant retryAt) implements StreamingEvent {

    public static final String TYPE = "streaming.provisioning-failed.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}
