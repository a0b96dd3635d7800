package dev.hybridconf.session.live;

import java.time.ZoneId;

import dev.hybridconf.session.programme.ProgrammeSession;

/**
 * A session's live status: {@code SCHEDULED}, {@code LIVE} or {@code ENDED}, when it started and
 * ended (conference zone, with offset), and what set it last ({@code API} or {@code STREAMING}).
 */
record LiveView(String sessionId, String conferenceId, String liveStatus, String startedAt, String endedAt,
        String origin, long liveVersion) {

    static LiveView of(ProgrammeSession session, LiveState state) {
        ZoneId zone = session.zone();
        return new LiveView(session.id(), session.conferenceId(), state.status().name(),
                state.startedAt() == null ? null : state.startedAt().atZone(zone).toOffsetDateTime().toString(),
                state.endedAt() == null ? null : state.endedAt().atZone(zone).toOffsetDateTime().toString(),
                state.origin(), state.version());
    }
}
