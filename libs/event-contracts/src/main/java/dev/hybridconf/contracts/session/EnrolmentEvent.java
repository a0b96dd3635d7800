package dev.hybridconf.contracts.session;

import dev.hybridconf.contracts.EventPayload;

/**
 * Every event about the enrolments of one breakout. The aggregate id is the session id, so the
 * enrolment events of one breakout stay in order on the topic; {@link #enrolmentVersion()} orders
 * them for consumers that replay. They carry the registration id and nothing else about the person.
 */
public sealed interface EnrolmentEvent extends EventPayload
        permits SessionEnrolled, SessionEnrolmentCancelled, SessionEnrolmentPromoted {

    String sessionId();

    String conferenceId();

    String registrationId();

    /** The breakout's enrolment version after this change (+1 on every change of its places or waitlist). */
    long enrolmentVersion();

    @Override
    default String aggregateId() {
        return sessionId();
    }
}
