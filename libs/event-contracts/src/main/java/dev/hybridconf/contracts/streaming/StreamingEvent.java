package dev.hybridconf.contracts.streaming;

import dev.hybridconf.contracts.EventPayload;

/** Events about a session's Zoom meeting; keyed by the session id so one session's events stay in order. */
public sealed interface StreamingEvent extends EventPayload permits MeetingStarted, MeetingEnded, LinkProvisioned,
        ProvisioningFailed, LinkRemoved, RegistrantsSynced {

    String sessionId();

    @Override
    default String aggregateId() {
        return sessionId();
    }
}
