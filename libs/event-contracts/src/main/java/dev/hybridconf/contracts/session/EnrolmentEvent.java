package dev.hybridconf.contracts.session;

import dev.hybridconf.contracts.EventPayload;

/**
 * Every event about the enrolments of one breakout. The aggregate id is the session id, so the
 * enrolment events of one breakout stay in the order they were committed (one Lua step each, relayed
 * from the outbox in order). They carry the registration id and nothing else about the person.
 */
public sealed interface EnrolmentEvent extends EventPayload
        permits SessionEnrolled, SessionEnrolmentCancelled, SessionEnrolmentPromoted {

    String sessionId();

    String conferenceId();

    String registrationId();

    @Override
    default String aggregateId() {
        return sessionId();
    }
}
