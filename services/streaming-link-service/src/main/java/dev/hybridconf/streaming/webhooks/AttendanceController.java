package dev.hybridconf.streaming.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.kit.errors.NotFoundException;
import dev.hybridconf.streaming.catalog.Sessions;

/** {@code GET /api/streaming/sessions/{id}/attendance}: who attended a session, for streaming staff and organisers. */
@RestController
class AttendanceController {

    private final Sessions sessions;
    private final Attendance attendance;
    private final Clock clock;

    AttendanceController(Sessions sessions, Attendance attendance, Clock clock) {
        this.sessions = sessions;
        this.attendance = attendance;
        this.clock = clock;
    }

    /** One registration's attendance; {@code minutes} counts an open stay up to now. */
    record Attendee(String registrationId, Instant firstJoinedAt, Instant lastLeftAt, long minutes, boolean present) {
    }

    /**
     * @param presentNow  people in the meeting now, registered or anonymous
     * @param attended    registrations that joined at least once
     * @param anonymous   participants without a registration (hosts, interpreters, ...) that joined
     */
    record Totals(long presentNow, long attended, long anonymous) {
    }

    record SessionAttendance(String sessionId, List<Attendee> attendees, Totals totals) {
    }

    @GetMapping("/api/streaming/sessions/{id}/attendance")
    @PreAuthorize("hasAnyRole('streaming-staff', 'organiser')")
    SessionAttendance attendance(@PathVariable String id) {
        if (sessions.find(id).isEmpty()) {
            throw new NotFoundException("attendance.session-unknown", id);
        }
        Instant now = clock.instant();
        Attendance.Snapshot snapshot = attendance.snapshot(id);
        List<Attendee> attendees = new ArrayList<>();
        snapshot.registered().forEach((registrationId, record) -> attendees.add(new Attendee(registrationId,
                record.firstJoinedAt(), record.lastLeftAt(), record.minutes(now), record.present())));
        long present = snapshot.registered().values().stream().filter(AttendanceRecord::present).count()
                + snapshot.anonymous().values().stream().filter(AttendanceRecord::present).count();
        long attended = snapshot.registered().values().stream().filter(r -> r.joins() > 0).count();
        long anonymous = snapshot.anonymous().values().stream().filter(r -> r.joins() > 0).count();
        return new SessionAttendance(id, attendees, new Totals(present, attended, anonymous));
    }
}
