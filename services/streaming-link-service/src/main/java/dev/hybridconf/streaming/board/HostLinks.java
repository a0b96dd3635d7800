package dev.hybridconf.streaming.board;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.streaming.catalog.SessionView;
import dev.hybridconf.streaming.catalog.Sessions;
import dev.hybridconf.streaming.catalog.StreamingKeys;
import dev.hybridconf.streaming.join.JoinProperties;
import dev.hybridconf.streaming.provisioning.LostMeetings;
import dev.hybridconf.streaming.zoom.ZoomClient;
import dev.hybridconf.streaming.zoom.ZoomException;
import dev.hybridconf.streaming.zoom.ZoomKind;
import dev.hybridconf.streaming.zoom.ZoomMeeting;
import dev.hybridconf.streaming.zoom.ZoomNotFoundException;
import io.micrometer.core.instrument.MeterRegistry;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Fresh host links on demand. Zoom's {@code start_url} logs its holder in as the host and expires after
 * about two hours, so it is never stored: each request asks Zoom ({@code GET /meetings/{id}}), and who
 * asked is recorded first, whether or not Zoom answers. The link itself never reaches a log or an event. When Zoom
 * answers that the meeting does not exist, the loss is reported ({@link LostMeetings}) and staff are told to ask again
 * shortly (503 {@code meeting-repairing} with {@code Retry-After}) while a new meeting is created.
 */
@Component
class HostLinks {

    private static final Logger log = LoggerFactory.getLogger(HostLinks.class);
    /** Zoom's start links last about two hours for ordinary host users. */
    static final Duration START_URL_LIFETIME = Duration.ofHours(2);
    private static final long AUDIT_KEPT = 100_000;

    private final Sessions sessions;
    private final StreamingKeys keys;
    private final UnifiedJedis redis;
    private final ZoomClient zoom;
    private final Clock clock;
    private final MeterRegistry meters;
    private final LostMeetings lost;
    private final JoinProperties join;

    HostLinks(Sessions sessions, StreamingKeys keys, RedisStore store, ZoomClient zoom, Clock clock,
            MeterRegistry meters, LostMeetings lost, JoinProperties join) {
        this.sessions = sessions;
        this.keys = keys;
        this.redis = store.redis();
        this.zoom = zoom;
        this.clock = clock;
        this.meters = meters;
        this.lost = lost;
        this.join = join;
    }

    record HostLink(String sessionId, String meetingId, String zoomKind, String hostUserId, String startUrl,
            Instant issuedAt, Instant expiresAt) {

        @Override
        public String toString() {
            return "HostLink[sessionId=" + sessionId + ", meetingId=" + meetingId + ", startUrl=[redacted]]";
        }
    }

    record AuditEntry(String id, Instant at, String sessionId, String meetingId, String requestedBy, String outcome) {
    }

    HostLink issue(String sessionId, String requestedBy) {
        SessionView session = sessions.find(sessionId).orElseThrow(() -> BoardProblem.sessionNotFound(sessionId));
        if (session.repairing() && !session.cancelled()) {
            audit(session, requestedBy, "REPAIRING");
            throw BoardProblem.repairing(sessionId, join.retryAfter());
        }
        if (!session.provisioned()) {
            audit(session, requestedBy, "NOT_PROVISIONED");
            throw BoardProblem.notProvisioned(sessionId);
        }
        StreamEntryID entry = audit(session, requestedBy, "REQUESTED");
        try {
            ZoomMeeting meeting = zoom.get(ZoomKind.valueOf(session.zoomKind()), Long.parseLong(session.meetingId()));
            Instant now = clock.instant();
            meters.counter("streaming.host_links", "outcome", "issued").increment();
            log.info("Host link of session {} (meeting {}) issued to {} (audit {})", sessionId, session.meetingId(),
                    requestedBy, entry);
            return new HostLink(sessionId, session.meetingId(), session.zoomKind(), session.hostUserId(),
                    meeting.startUrl(), now, now.plus(START_URL_LIFETIME));
        } catch (ZoomException e) {
            if (ZoomNotFoundException.meetingMissing(e)
                    && lost.report(sessionId, session.meetingId(), LostMeetings.Detection.CALL).repairing()) {
                audit(session, requestedBy, "MEETING_LOST");
                meters.counter("streaming.host_links", "outcome", "meeting-lost").increment();
                throw BoardProblem.repairing(sessionId, join.retryAfter());
            }
            audit(session, requestedBy, "ZOOM_FAILED");
            meters.counter("streaming.host_links", "outcome", "zoom-failed").increment();
            throw BoardProblem.zoom(sessionId, e);
        }
    }

    /** The most recent requests for host links, newest first; of one session when {@code sessionId} is given. */
    List<AuditEntry> audit(String sessionId, int limit) {
        List<AuditEntry> entries = new ArrayList<>();
        String before = "+";
        while (entries.size() < limit) {
            List<StreamEntry> page = redis.xrevrange(keys.hostLinkAudit(), before, "-", 500);
            for (StreamEntry entry : page) {
                Map<String, String> fields = entry.getFields();
                if (entries.size() < limit && (sessionId == null || sessionId.equals(fields.get("sessionId")))) {
                    entries.add(new AuditEntry(entry.getID().toString(), Instant.parse(fields.get("at")),
                            fields.get("sessionId"), fields.get("meetingId"), fields.get("requestedBy"),
                            fields.get("outcome")));
                }
            }
            if (page.size() < 500) {
                break;
            }
            before = "(" + page.get(page.size() - 1).getID();
        }
        return entries;
    }

    private StreamEntryID audit(SessionView session, String requestedBy, String outcome) {
        return redis.xadd(keys.hostLinkAudit(), XAddParams.xAddParams().maxLen(AUDIT_KEPT).approximateTrimming(),
                Map.of("at", clock.instant().toString(), "sessionId", session.sessionId(), "meetingId",
                        session.meetingId() == null ? "" : session.meetingId(), "requestedBy", requestedBy,
                        "outcome", outcome));
    }
}
