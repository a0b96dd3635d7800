package dev.hybridconf.streaming.provisioning;

import org.springframework.stereotype.Component;

import dev.hybridconf.streaming.catalog.StreamingKeys;

/**
 * Provisioning's own Redis keys and internal session-hash fields, besides those of
 * {@link dev.hybridconf.streaming.catalog.StreamingKeys}.
 */
@Component
class ProvisioningKeys {

    /** Session hash field: bumped by every applied session event; the worker finishes only the revision it read. */
    static final String REVISION = "revision";
    /** Session hash field: the host the current meeting was created on (the assigned host may have moved). */
    static final String MEETING_HOST = "meetingHost";
    /** Session hash field: {@link CreateAttempt} while a create may have reached Zoom without an answer. */
    static final String CREATE_ATTEMPT = "createAttempt";

    private final StreamingKeys keys;

    ProvisioningKeys(StreamingKeys keys) {
        this.keys = keys;
    }

    StreamingKeys streaming() {
        return keys;
    }

    /** Sorted set: sessions whose meeting must be brought to their desired state, scored by when (epoch ms). */
    String due() {
        return keys.space().key("provisioning", "due");
    }

    /** Set: sessions that failed for want of a free host; due again as soon as a host joins the pool. */
    String waitingForHost() {
        return keys.space().key("provisioning", "waiting-host");
    }

    /** The name of the lease of the replica working on a session. */
    static String lease(String sessionId) {
        return "provisioning:" + sessionId;
    }

    /**
     * String with a TTL: the platform itself is deleting (or deleted) this meeting at Zoom, written before the call, so
     * that Zoom's {@code meeting.deleted} about it is not taken for a loss.
     */
    String deletedByPlatform(String meetingId) {
        return keys.space().key("provisioning", "deleted-by-platform", meetingId);
    }

    /** String: epoch ms when the last reconciliation of the hosts' meetings started (any replica). */
    String lastReconciliation() {
        return keys.space().key("reconciliation", "last");
    }

    /** The name of the lease of the replica reconciling now. */
    static final String RECONCILIATION_LEASE = "reconciliation";
}
