package dev.hybridconf.contracts.session;

import dev.hybridconf.contracts.EventPayload;

/**
 * Every event about one session of a programme; the aggregate id is the session id, so the events
 * of one session stay in order on the topic.
 */
public sealed interface SessionEvent extends EventPayload
        permits SessionScheduled, SessionRescheduled, SessionUpdated, SessionCancelled {

    String sessionId();

    String conferenceId();

    /** The programme version this change belongs to (one version per organiser change or import). */
    long programmeVersion();

    /** The session's own version after this change: consumers apply a session's events in this order. */
    long sessionVersion();

    @Override
    default String aggregateId() {
        return sessionId();
    }
}
