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
 * <p>
 * The session belongs to {@code day}, the day it starts. An {@code end} at or before {@code start}
 * is on the next day ({@code 21:00}–{@code 00:30} ends half an hour after midnight), so a session
 * can cross the conference zone's midnight; {@link ProgrammeRules} refuses one that would then last
 * 24 hours or more (an end equal to the start would be a whole day).
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

    /** Whether the end is on the day after {@link #day}: an end time at or before the start time. */
    boolean endsNextDay() {
        return !end.isAfter(start);
    }

    /** The local date the session ends on in the conference zone: its day, or the next one. */
    LocalDate endDay() {
        return endsNextDay() ? day.plusDays(1) : day;
    }

    ZonedDateTime endIn(ZoneId zone) {
        return ZonedDateTime.of(endDay(), end, zone);
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

    /**
     * A stored session as a spec (its local day and times in its zone), e.g. to keep it in an edited programme.
     * A stored session lasts less than 24 hours, so its end's local time alone says which day it ends on.
     */
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
