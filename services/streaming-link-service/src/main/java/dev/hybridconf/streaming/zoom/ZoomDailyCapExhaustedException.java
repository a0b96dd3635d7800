package dev.hybridconf.streaming.zoom;

import java.time.Instant;

/**
 * Refused locally, before calling Zoom: the host user has used its 100 meeting/webinar
 * create/update requests of the day (UTC). Choose another host, or wait for {@link #resetsAt()}.
 */
public final class ZoomDailyCapExhaustedException extends ZoomException {

    private final String hostUserId;
    private final Instant resetsAt;

    ZoomDailyCapExhaustedException(ZoomEndpoint endpoint, String hostUserId, Instant resetsAt) {
        super(endpoint, 0, null, "daily create/update cap reached for host user " + hostUserId + " until " + resetsAt,
                null);
        this.hostUserId = hostUserId;
        this.resetsAt = resetsAt;
    }

    public String hostUserId() {
        return hostUserId;
    }

    /** The next 00:00 UTC. */
    public Instant resetsAt() {
        return resetsAt;
    }
}
