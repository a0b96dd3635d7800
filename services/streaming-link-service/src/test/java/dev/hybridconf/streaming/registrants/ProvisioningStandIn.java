package dev.hybridconf.streaming.registrants;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.streaming.catalog.StreamingKeys;
import dev.hybridconf.streaming.zoom.MeetingRequest;
import dev.hybridconf.streaming.zoom.MeetingSettings;
import dev.hybridconf.streaming.zoom.ZoomClient;
import dev.hybridconf.streaming.zoom.ZoomMeeting;
import redis.clients.jedis.UnifiedJedis;

/**
 * Stands in for provisioning in the registrant and join tests: creates the meeting on the emulator with the
 * real Zoom client and writes what provisioning writes (the session hash, {@code meeting:{id}},
 * {@code sessions:all-remote}, {@code registrants:dirty}). {@link #retireAll()} removes the sessions a test made
 * so that the next test's participants are not registered in them.
 */
public final class ProvisioningStandIn {

    /** The conference of the sessions this stand-in makes unless a test names another. */
    public static final String CONFERENCE = "conf-test";

    private final ZoomClient zoom;
    private final UnifiedJedis redis;
    private final StreamingKeys keys;
    private final Clock clock;
    private final List<String> made = new ArrayList<>();

    public ProvisioningStandIn(ZoomClient zoom, RedisStore store, StreamingKeys keys, Clock clock) {
        this.zoom = zoom;
        this.clock = clock;
        this.redis = store.redis();
        this.keys = keys;
    }

    /** A session as provisioned: meeting on the emulator, hash PROVISIONED, marked due. */
    public Provisioned provisioned(String kind, Instant start, Duration length, String hostUserId) {
        return provisioned(kind, start, length, hostUserId, true);
    }

    /**
     * As {@link #provisioned(String, Instant, Duration, String)}; with {@code markDue} false the session is
     * neither in {@code sessions:all-remote} nor due, so the sync never registers anyone in it.
     */
    public Provisioned provisioned(String kind, Instant start, Duration length, String hostUserId, boolean markDue) {
        return provisioned(CONFERENCE, kind, start, length, hostUserId, markDue);
    }

    /** As {@link #provisioned(String, Instant, Duration, String, boolean)}, in a session of {@code conference}. */
    public Provisioned provisioned(String conference, String kind, Instant start, Duration length, String hostUserId,
            boolean markDue) {
        String sessionId = UUID.randomUUID().toString();
        ZoomMeeting meeting = zoom.createMeeting(hostUserId, new MeetingRequest(kind + " " + sessionId,
                MeetingRequest.SCHEDULED_MEETING, start.truncatedTo(ChronoUnit.SECONDS), (int) length.toMinutes(),
                "Europe/Madrid", null, MeetingSettings.platformDefaults(null)));
        String meetingId = Long.toString(meeting.id());
        Map<String, String> hash = programme(sessionId, kind, start, length);
        hash.put("conferenceId", conference);
        hash.put("provisioning", "PROVISIONED");
        hash.put("hostUserId", hostUserId);
        hash.put("zoomKind", "MEETING");
        hash.put("meetingId", meetingId);
        hash.put("provisionedVersion", "1");
        redis.hset(keys.session(sessionId), hash);
        redis.set(keys.meeting(meetingId), sessionId);
        if (markDue && "ALL_REMOTE".equals(hash.get("audience"))) {
            redis.sadd(keys.allRemoteSessions(), sessionId);
        }
        if (markDue) {
            redis.zadd(keys.registrantsDirty(), clock.millis(), sessionId);
        }
        made.add(sessionId);
        return new Provisioned(sessionId, meetingId);
    }

    /** A session whose meeting is not created yet ({@code provisioning} PENDING). */
    public String pending(String kind, Instant start, Duration length) {
        String sessionId = UUID.randomUUID().toString();
        Map<String, String> hash = programme(sessionId, kind, start, length);
        hash.put("provisioning", "PENDING");
        redis.hset(keys.session(sessionId), hash);
        made.add(sessionId);
        return sessionId;
    }

    /** A break: no meeting at all. */
    public String withoutMeeting(Instant start, Duration length) {
        String sessionId = UUID.randomUUID().toString();
        Map<String, String> hash = programme(sessionId, "BREAK", start, length);
        hash.put("needsMeeting", "false");
        hash.put("provisioning", "NOT_NEEDED");
        redis.hset(keys.session(sessionId), hash);
        made.add(sessionId);
        return sessionId;
    }

    /** Writes a hash field as provisioning would. */
    public void setField(String sessionId, String field, String value) {
        redis.hset(keys.session(sessionId), field, value);
    }

    /** Takes every session this stand-in made out of the registrant sync's sight (as a deleted meeting). */
    public void retireAll() {
        for (String sessionId : made) {
            redis.hset(keys.session(sessionId), "provisioning", "REMOVED");
            redis.srem(keys.allRemoteSessions(), sessionId);
            redis.zrem(keys.registrantsDirty(), sessionId);
        }
        made.clear();
    }

    private static Map<String, String> programme(String sessionId, String kind, Instant start, Duration length) {
        Map<String, String> hash = new LinkedHashMap<>();
        hash.put("conferenceId", CONFERENCE);
        hash.put("kind", kind);
        hash.put("day", start.atZone(ZoneOffset.UTC).toLocalDate().toString());
        hash.put("start", start.toString());
        hash.put("end", start.plus(length).toString());
        hash.put("timeZone", "Europe/Madrid");
        hash.put("format", "HYBRID");
        hash.put("title", "{\"en\":\"" + kind + " in English\",\"fr\":\"" + kind + " en français\",\"es\":\""
                + kind + " en español\"}");
        hash.put("floorLanguages", "en");
        hash.put("publiclyStreamed", "false");
        hash.put("sessionVersion", "1");
        hash.put("status", "SCHEDULED");
        hash.put("needsMeeting", "true");
        hash.put("audience", "BREAKOUT".equals(kind) ? "ENROLLED" : "ALL_REMOTE");
        hash.put("live", "SCHEDULED");
        return hash;
    }

    public record Provisioned(String sessionId, String meetingId) {
    }
}
