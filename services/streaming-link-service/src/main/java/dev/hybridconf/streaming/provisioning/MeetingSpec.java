package dev.hybridconf.streaming.provisioning;

import java.time.Duration;
import java.util.Map;

import dev.hybridconf.streaming.catalog.SessionView;
import dev.hybridconf.streaming.zoom.MeetingRequest;
import dev.hybridconf.streaming.zoom.MeetingSettings;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** What a session's meeting or webinar looks like at Zoom: topic, time, and the agenda marker that finds it again. */
final class MeetingSpec {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int TOPIC_MAX = 200;

    private MeetingSpec() {
    }

    /** A stable marker of the session in the agenda: how a create whose answer was lost is found among the host's. */
    static String marker(String sessionId) {
        return "[hybridconf-session:" + sessionId + "]";
    }

    static boolean plenary(String kind) {
        return "OPENING".equals(kind) || "PLENARY".equals(kind) || "WRAP_UP".equals(kind);
    }

    static String topic(SessionView session) {
        String title = null;
        try {
            Map<String, String> titles = JSON.readValue(session.titleJson(), new TypeReference<Map<String, String>>() {
            });
            title = titles.get("en");
            if ((title == null || title.isBlank()) && !titles.isEmpty()) {
                title = titles.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue)
                        .filter(t -> t != null && !t.isBlank()).findFirst().orElse(null);
            }
        } catch (RuntimeException unreadable) {
            // falls back below
        }
        if (title == null || title.isBlank()) {
            title = "Session " + session.sessionId();
        }
        title = title.strip();
        return title.length() > TOPIC_MAX ? title.substring(0, TOPIC_MAX) : title;
    }

    /**
     * A new meeting: the platform's settings, with the session's interpretation when one was published (a session
     * is one meeting, a breakout too: Zoom's interpretation does not reach into breakout rooms).
     */
    static MeetingRequest create(SessionView session, MeetingInterpretation.Settings interpretation) {
        MeetingSettings settings = MeetingSettings.platformDefaults(null);
        if (interpretation != null) {
            settings = interpretation.addTo(settings);
        }
        return new MeetingRequest(topic(session), null, session.start(), minutes(session), session.timeZone(),
                marker(session.sessionId()), settings);
    }

    /**
     * What a reschedule or retitle changes; settings are left as they are (the interpretation set-up keeps its own
     * settings up to date).
     */
    static MeetingRequest update(SessionView session) {
        return new MeetingRequest(topic(session), null, session.start(), minutes(session), session.timeZone(),
                marker(session.sessionId()), null);
    }

    private static int minutes(SessionView session) {
        long minutes = Duration.between(session.start(), session.end()).toMinutes();
        return (int) Math.max(1, minutes);
    }
}
