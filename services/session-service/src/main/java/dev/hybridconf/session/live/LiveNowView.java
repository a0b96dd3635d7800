package dev.hybridconf.session.live;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import dev.hybridconf.session.programme.ProgrammeSession;

/**
 * The sessions of a conference live now, for the portal's "live now": times in the reader's zone
 * ({@code tz}, else the conference's) with the offset.
 */
record LiveNowView(String conferenceId, String timeZone, List<Session> sessions) {

    record Session(String id, String key, String kind, Map<String, String> title, String room, String track,
            String format, List<String> floorLanguages, boolean publiclyStreamed, String start, String end,
            String startedAt) {

        static Session of(ProgrammeSession s, Instant startedAt, ZoneId zone) {
            return new Session(s.id(), s.key(), s.kind().name(), s.title(), s.room(), s.track(), s.format().name(),
                    s.floorLanguages(), s.publiclyStreamed(), render(s.start(), zone), render(s.end(), zone),
                    render(startedAt, zone));
        }
    }

    static String render(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime().toString();
    }
}
