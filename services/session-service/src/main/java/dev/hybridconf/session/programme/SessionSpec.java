package dev.hybridconf.session.programme;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * A session as an organiser or a file describes it: a conference day and local times in the
 * conference zone, and every detail. Fields a file got wrong are null (the problem is recorded
 * separately), so the rules can still check the rest.
 *
 * @param path where the session was given ({@code sessions[3]} in a file, empty for a request body)
 */
record SessionSpec(
        String path,
        String key,
        SessionKind kind,
        SessionStatus status,
        LocalDate day,
        LocalTime start,
        LocalTime end,
        String room,
        String track,
        List<String> floorLanguages,
        SessionFormat format,
        boolean publiclyStreamed,
        Integer capacity,
        List<String> moderatorIds,
        List<String> speakers,
        String rapporteurId,
        Map<String, String> title,
        Map<String, String> description,
        String slot) {

    SessionSpec {
        floorLanguages = floorLanguages == null ? List.of() : List.copyOf(floorLanguages);
        moderatorIds = moderatorIds == null ? List.of() : List.copyOf(moderatorIds);
        speakers = speakers == null ? List.of() : List.copyOf(speakers);
        title = Languages.ordered(title);
        description = Languages.ordered(description);
    }

    /** Whether day and times are all known (each parsed). */
    boolean timed() {
        return day != null && start != null && end != null;
    }

    ZonedDateTime startIn(ZoneId zone) {
        return ZonedDateTime.of(day, start, zone);
    }

    ZonedDateTime endIn(ZoneId zone) {
        return ZonedDateTime.of(day, end, zone);
    }

    boolean scheduled() {
        return status == SessionStatus.SCHEDULED;
    }

    /** The session this spec describes in a conference (versions left at 0: the diff sets them). */
    ProgrammeSession toSession(String conferenceId, ZoneId zone) {
        return new ProgrammeSession(ProgrammeSession.idFor(conferenceId, key), conferenceId, key, 0, 0, kind, status,
                startIn(zone).toInstant(), endIn(zone).toInstant(), zone, room, track, floorLanguages, format,
                publiclyStreamed, capacity, moderatorIds, speakers, rapporteurId, title, description, slot);
    }

    /** A stored session as a spec (its local day and times in its zone), e.g. to keep it in an edited programme. */
    static SessionSpec of(ProgrammeSession session) {
        ZonedDateTime start = session.start().atZone(session.zone());
        ZonedDateTime end = session.end().atZone(session.zone());
        return new SessionSpec("sessions[key=" + session.key() + "]", session.key(), session.kind(), session.status(),
                start.toLocalDate(), start.toLocalTime(), end.toLocalTime(), session.room(), session.track(),
                session.floorLanguages(), session.format(), session.publiclyStreamed(), session.capacity(),
                session.moderatorIds(), session.speakers(), session.rapporteurId(), session.title(),
                session.description(), session.slot());
    }

    SessionSpec withPath(String nextPath) {
        return new SessionSpec(nextPath, key, kind, status, day, start, end, room, track, floorLanguages, format,
                publiclyStreamed, capacity, moderatorIds, speakers, rapporteurId, title, description, slot);
    }

    SessionSpec withKey(String nextKey) {
        return new SessionSpec(path, nextKey, kind, status, day, start, end, room, track, floorLanguages, format,
                publiclyStreamed, capacity, moderatorIds, speakers, rapporteurId, title, description, slot);
    }

    SessionSpec withStatus(SessionStatus next) {
        return new SessionSpec(path, key, kind, next, day, start, end, room, track, floorLanguages, format,
                publiclyStreamed, capacity, moderatorIds, speakers, rapporteurId, title, description, slot);
    }

    SessionSpec movedTo(LocalDate nextDay, LocalTime nextStart, LocalTime nextEnd, String nextRoom) {
        return new SessionSpec(path, key, kind, status, nextDay, nextStart, nextEnd, nextRoom, track, floorLanguages,
                format, publiclyStreamed, capacity, moderatorIds, speakers, rapporteurId, title, description, slot);
    }
}
