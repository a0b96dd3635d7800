package dev.hybridconf.contracts.session;

import dev.hybridconf.contracts.EventPayload;

/**
 * Events about what happens in a session rather than about its place on the programme: moderators'
 * conclusions, when they lock, and the live status. They carry no programme version (they never change the
 * programme); the aggregate id is the session id, so they stay in order with the session's other events.
 */
public sealed interface SessionActivityEvent extends EventPayload permits ConclusionPosted, ConclusionsLockChanged, LiveStatusChanged {

    String sessionId();

    String conferenceId();

    @Override
    default String aggregateId() {
        return sessionId();
    }
}
