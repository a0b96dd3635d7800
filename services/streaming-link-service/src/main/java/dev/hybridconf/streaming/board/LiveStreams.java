package dev.hybridconf.streaming.board;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.hybridconf.kit.errors.InvalidFieldsException;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.kit.validation.PlainTextRules;
import dev.hybridconf.streaming.catalog.SessionView;
import dev.hybridconf.streaming.catalog.Sessions;
import dev.hybridconf.streaming.catalog.StreamingKeys;
import dev.hybridconf.streaming.join.JoinProperties;
import dev.hybridconf.streaming.provisioning.LostMeetings;
import dev.hybridconf.streaming.zoom.LiveStream;
import dev.hybridconf.streaming.zoom.ZoomClient;
import dev.hybridconf.streaming.zoom.ZoomException;
import dev.hybridconf.streaming.zoom.ZoomKind;
import dev.hybridconf.streaming.zoom.ZoomNotFoundException;
import redis.clients.jedis.UnifiedJedis;

/**
 * A session's custom live stream (e.g. to a public video platform): its settings go to Zoom, and the
 * service keeps the stream and page URLs and the state for the board. The stream key is a secret of the
 * streaming platform: it goes to Zoom and only its last four characters are kept. A meeting Zoom lost is reported
 * ({@link LostMeetings}) and answered 503 {@code meeting-repairing}; its settings must be entered again on the new one.
 */
@Component
class LiveStreams {

    private final Sessions sessions;
    private final StreamingKeys keys;
    private final UnifiedJedis redis;
    private final ZoomClient zoom;
    private final Clock clock;
    private final LostMeetings lost;
    private final JoinProperties join;

    LiveStreams(Sessions sessions, StreamingKeys keys, RedisStore store, ZoomClient zoom, Clock clock,
            LostMeetings lost, JoinProperties join) {
        this.sessions = sessions;
        this.keys = keys;
        this.redis = store.redis();
        this.zoom = zoom;
        this.clock = clock;
        this.lost = lost;
        this.join = join;
    }

    record Settings(String streamUrl, String streamKey, String pageUrl, String resolution) {
    }

    record State(String sessionId, boolean configured, String streamUrl, String pageUrl, String streamKeyEnding,
            String resolution, String state, String changedBy, String changedAt) {
    }

    State configure(String sessionId, Settings settings, String by) {
        check(settings);
        SessionView session = provisioned(sessionId);
        try {
            zoom.updateLiveStream(ZoomKind.valueOf(session.zoomKind()), Long.parseLong(session.meetingId()),
                    new LiveStream(settings.streamUrl().trim(), settings.streamKey().trim(), settings.pageUrl().trim(),
                            settings.resolution()));
        } catch (ZoomException e) {
            throw refused(session, e);
        }
        String key = settings.streamKey().trim();
        redis.hset(keys.liveStream(sessionId), Map.of("streamUrl", settings.streamUrl().trim(), "pageUrl",
                settings.pageUrl().trim(), "streamKeyEnding", key.substring(Math.max(0, key.length() - 4)),
                "resolution", settings.resolution() == null ? "" : settings.resolution(), "state",
                redis.hget(keys.liveStream(sessionId), "state") == null ? "CONFIGURED"
                        : redis.hget(keys.liveStream(sessionId), "state"),
                "changedBy", by, "changedAt", clock.instant().toString()));
        return state(sessionId);
    }

    State start(String sessionId, String by, String displayName) {
        return switchTo(sessionId, by, true, displayName);
    }

    State stop(String sessionId, String by) {
        return switchTo(sessionId, by, false, null);
    }

    State state(String sessionId) {
        sessions.find(sessionId).orElseThrow(() -> BoardProblem.sessionNotFound(sessionId));
        Map<String, String> hash = redis.hgetAll(keys.liveStream(sessionId));
        if (hash.isEmpty()) {
            return new State(sessionId, false, null, null, null, null, "NOT_CONFIGURED", null, null);
        }
        return new State(sessionId, true, hash.get("streamUrl"), hash.get("pageUrl"), hash.get("streamKeyEnding"),
                emptyToNull(hash.get("resolution")), hash.get("state"), hash.get("changedBy"), hash.get("changedAt"));
    }

    private State switchTo(String sessionId, String by, boolean on, String displayName) {
        SessionView session = provisioned(sessionId);
        if (!redis.exists(keys.liveStream(sessionId))) {
            throw BoardProblem.liveStreamNotConfigured(sessionId);
        }
        ZoomKind kind = ZoomKind.valueOf(session.zoomKind());
        long id = Long.parseLong(session.meetingId());
        try {
            if (on) {
                zoom.startLiveStream(kind, id, displayName);
            } else {
                zoom.stopLiveStream(kind, id);
            }
        } catch (ZoomException e) {
            throw refused(session, e);
        }
        redis.hset(keys.liveStream(sessionId), Map.of("state", on ? "STARTED" : "STOPPED", "changedBy", by,
                "changedAt", clock.instant().toString()));
        return state(sessionId);
    }

    /** Zoom refused: a meeting it no longer has is reported lost and being repaired; anything else as it is. */
    private BoardProblem refused(SessionView session, ZoomException e) {
        if (ZoomNotFoundException.meetingMissing(e)
                && lost.report(session.sessionId(), session.meetingId(), LostMeetings.Detection.CALL).repairing()) {
            return BoardProblem.repairing(session.sessionId(), join.retryAfter());
        }
        return BoardProblem.zoom(session.sessionId(), e);
    }

    private SessionView provisioned(String sessionId) {
        SessionView session = sessions.find(sessionId).orElseThrow(() -> BoardProblem.sessionNotFound(sessionId));
        if (session.repairing() && !session.cancelled()) {
            throw BoardProblem.repairing(sessionId, join.retryAfter());
        }
        if (!session.provisioned()) {
            throw BoardProblem.notProvisioned(sessionId);
        }
        return session;
    }

    /**
     * Zoom takes an RTMP(S) ingest URL, a key, and an https page where viewers watch. Checked here, every
     * field at once, before Zoom is asked: Zoom refuses what is malformed (a NUL in a key) with an error
     * that would reach staff as "Zoom refused" rather than as what to correct.
     */
    private static void check(Settings settings) {
        List<InvalidFieldsException.Invalid> invalid = new ArrayList<>();
        Settings given = settings == null ? new Settings(null, null, null, null) : settings;
        if (!url(given.streamUrl(), "rtmp", "rtmps")) {
            invalid.add(new InvalidFieldsException.Invalid("streamUrl", "board.invalid-live-stream.stream-url"));
        }
        String key = given.streamKey();
        if (key == null || key.isBlank() || key.length() > 512 || !PlainTextRules.isPlain(key, false)
                || key.trim().codePoints().anyMatch(Character::isWhitespace)) {
            invalid.add(new InvalidFieldsException.Invalid("streamKey", "board.invalid-live-stream.stream-key"));
        }
        if (!url(given.pageUrl(), "https", "http")) {
            invalid.add(new InvalidFieldsException.Invalid("pageUrl", "board.invalid-live-stream.page-url"));
        }
        if (given.resolution() != null && !given.resolution().matches("720p|1080p")) {
            invalid.add(new InvalidFieldsException.Invalid("resolution", "board.invalid-live-stream.resolution"));
        }
        if (!invalid.isEmpty()) {
            throw new InvalidFieldsException(invalid);
        }
    }

    /** An absolute URL with one of {@code schemes} and a host, of plain printable text. */
    private static boolean url(String url, String... schemes) {
        if (url == null || url.isBlank() || url.length() > 1024 || !PlainTextRules.isPlain(url, false)) {
            return false;
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return uri.getHost() != null && java.util.Arrays.asList(schemes).contains(scheme);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
