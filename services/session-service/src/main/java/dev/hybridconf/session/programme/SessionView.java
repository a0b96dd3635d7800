package dev.hybridconf.session.programme;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A session as readers see it, its times in the zone they asked for.
 *
 * @param day             the conference day it belongs to (a date in the conference zone)
 * @param start           start in the reader's zone with the offset, e.g. {@code 2024-11-07T10:00:00-05:00}
 * @param timeZone        the reader's zone ({@code tz}, else the conference's)
 * @param crossesMidnight whether it runs over midnight in the reader's zone
 * @param liveStatus      {@code SCHEDULED}, {@code LIVE} or {@code ENDED} (kept apart from the programme, see {@link LiveStatusReader})
 * @param languages       the floor languages and, once the interpretation plan is published, the interpretation
 *                        channels, in the room or on Zoom (see {@link InterpretationReader})
 */
public record SessionView(
        String id,
        String conferenceId,
        String key,
        SessionKind kind,
        SessionStatus status,
        String liveStatus,
        LocalDate day,
        String start,
        String end,
        String timeZone,
        boolean crossesMidnight,
        long durationMinutes,
        String conferenceTimeZone,
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
        String slot,
        long version,
        long programmeVersion,
        SessionLanguages languages) {

    /** The session with its floor languages only (no interpretation channels). */
    public static SessionView of(ProgrammeSession s, ViewerZone viewer, String liveStatus) {
        return of(s, viewer, liveStatus, null);
    }

    /** The session with the channels published for it ({@code published} null: none yet). */
    public static SessionView of(ProgrammeSession s, ViewerZone viewer, String liveStatus,
            InterpretationReader.Published published) {
        return new SessionView(s.id(), s.conferenceId(), s.key(), s.kind(), s.status(), liveStatus, s.day(),
                viewer.render(s.start()), viewer.render(s.end()), viewer.id(),
                viewer.crossesMidnight(s.start(), s.end()), Duration.between(s.start(), s.end()).toMinutes(),
                s.zone().getId(), s.room(), s.track(), s.floorLanguages(), s.format(), s.publiclyStreamed(),
                s.capacity(), s.moderatorIds(), s.speakers(), s.rapporteurId(), s.title(), s.description(), s.slot(),
                s.version(), s.programmeVersion(), SessionLanguages.of(s, published));
    }
}
