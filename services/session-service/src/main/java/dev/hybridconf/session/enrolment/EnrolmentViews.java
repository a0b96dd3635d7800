package dev.hybridconf.session.enrolment;

import java.util.List;

import dev.hybridconf.session.programme.SessionView;

/** What the enrolment endpoints answer: response records, never storage. */
final class EnrolmentViews {

    private EnrolmentViews() {
    }

    /** The caller's standing with one breakout after their request. */
    record EnrolmentView(String sessionId, String conferenceId, String registrationId, EnrolmentStatus status,
            boolean changed) {
    }

    /** A breakout's places, for anyone signed in; no names or ids. */
    record PlacesView(String sessionId, Integer capacity, long enrolled, long waiting, Long available) {
    }

    /** A breakout's enrolments, for organisers and its moderators: places by time enrolled, the waiting list in order. */
    record EnrolmentList(String sessionId, String conferenceId, Integer capacity, long enrolled, long waiting,
            List<String> enrolledIds, List<String> waitlist) {
    }

    /** One line of a personal agenda: the session in the reader's zone and, for breakouts, where they stand. */
    record AgendaEntry(SessionView session, EnrolmentStatus enrolment, boolean overlapsAnother) {
    }

    record AgendaView(String conferenceId, String registrationId, String timeZone, List<AgendaEntry> sessions) {
    }

    record ModeratingView(String registrationId, String timeZone, List<SessionView> sessions) {
    }
}
