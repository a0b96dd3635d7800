package dev.hybridconf.streaming.board;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.hybridconf.kit.errors.ProblemMessages;
import dev.hybridconf.kit.redis.RedisStore;
import dev.hybridconf.streaming.catalog.SessionView;
import dev.hybridconf.streaming.catalog.Sessions;
import dev.hybridconf.streaming.catalog.StreamingKeys;
import dev.hybridconf.streaming.interpretation.InterpretationReadiness;
import dev.hybridconf.streaming.interpretation.InterpretationStatus;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.ObjectMapper;

/** Assembles the board of a day from the service's Redis copy: no Zoom call. */
@Component
class Board {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter LOCAL_DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Sessions sessions;
    private final StreamingKeys keys;
    private final UnifiedJedis redis;
    private final ObjectMapper json;
    private final ProblemMessages messages;
    private final InterpretationStatus interpretation;

    Board(Sessions sessions, StreamingKeys keys, RedisStore store, ObjectMapper json, ProblemMessages messages,
            InterpretationStatus interpretation) {
        this.sessions = sessions;
        this.keys = keys;
        this.redis = store.redis();
        this.json = json;
        this.messages = messages;
        this.interpretation = interpretation;
    }

    static LocalDate parseDay(String day) {
        try {
            return LocalDate.parse(day);
        } catch (RuntimeException e) {
            throw BoardProblem.invalidDay(day);
        }
    }

    /**
     * The sessions of a conference day: those that start on it (a session running past midnight is on the board
     * of the day it starts, its row ending on the next date).
     */
    List<BoardRow> day(LocalDate day, Locale locale) {
        List<SessionView> views = sessions.onDay(day);
        List<Response<Long>> registrants = new ArrayList<>(views.size());
        List<Response<Map<String, String>>> attendance = new ArrayList<>(views.size());
        List<Response<Map<String, String>>> streams = new ArrayList<>(views.size());
        if (!views.isEmpty()) {
            try (AbstractPipeline pipeline = redis.pipelined()) {
                for (SessionView view : views) {
                    registrants.add(pipeline.hlen(keys.registrants(view.sessionId())));
                    attendance.add(pipeline.hgetAll(keys.attendance(view.sessionId())));
                    streams.add(pipeline.hgetAll(keys.liveStream(view.sessionId())));
                }
                pipeline.sync();
            }
        }
        List<InterpretationReadiness> interpreted = interpretation.of(views, locale);
        List<BoardRow> rows = new ArrayList<>(views.size());
        for (int i = 0; i < views.size(); i++) {
            SessionView view = views.get(i);
            rows.add(row(view, locale, registrants.get(i).get(), present(attendance.get(i).get()),
                    interpreted.get(i), stream(streams.get(i).get())));
        }
        return rows;
    }

    private BoardRow row(SessionView view, Locale locale, long registrants, long present,
            InterpretationReadiness interpretation, BoardRow.LiveStreamState stream) {
        ZoneId zone = view.timeZone() == null ? ZoneId.of("UTC") : ZoneId.of(view.timeZone());
        String status = status(view);
        BoardRow.Failure failure = "FAILED".equals(status)
                ? new BoardRow.Failure(view.failureReason(), view.failureDetail(), view.attempts()) : null;
        return new BoardRow(view.sessionId(), view.conferenceId(), view.title(locale), view.kind(),
                view.start(), view.end(), LOCAL_TIME.format(view.start().atZone(zone)),
                LOCAL_TIME.format(view.end().atZone(zone)), view.end().atZone(zone).toLocalDate(), zone.getId(),
                status, failure,
                view.provisioned() ? view.meetingId() : null, view.provisioned() ? view.zoomKind() : null,
                view.hostUserId(), registrants, present, interpretation, stream, repair(view, zone, locale));
    }

    /** The last loss of the session's meeting at Zoom and its repair, told in the reader's language; null if none. */
    private BoardRow.Repair repair(SessionView view, ZoneId zone, Locale locale) {
        if (view.lostMeetingId() == null || view.cancelled()) {
            return null;
        }
        String detection = view.lostDetection() == null ? "call" : view.lostDetection();
        String how = messages.text("board.repair.detection." + detection, locale);
        String lostAt = view.lostAt() == null ? "" : LOCAL_DAY_TIME.format(view.lostAt().atZone(zone));
        if (view.repairing()) {
            return new BoardRow.Repair("REPAIRING", view.lostMeetingId(), detection, view.lostAt(), null, null,
                    messages.text("board.repair.repairing", locale, view.lostMeetingId(), how, lostAt));
        }
        String repairedAt = LOCAL_DAY_TIME.format(view.repairedAt().atZone(zone));
        return new BoardRow.Repair("REPAIRED", view.lostMeetingId(), detection, view.lostAt(),
                view.repairedMeetingId(), view.repairedAt(), messages.text("board.repair.repaired", locale,
                        view.lostMeetingId(), how, lostAt, view.repairedMeetingId(), repairedAt));
    }

    /** One status for staff: what the programme says first, then Zoom's live state, then provisioning. */
    static String status(SessionView view) {
        if (view.cancelled()) {
            return "CANCELLED";
        }
        if (!view.needsMeeting() || "NOT_NEEDED".equals(view.provisioning())) {
            return "NOT_STREAMED";
        }
        if (view.repairing()) {
            // Zoom lost the meeting: being re-created, or failing to be (then the failure says why).
            return "FAILED".equals(view.provisioning()) ? "FAILED" : "REPAIRING";
        }
        if ("LIVE".equals(view.live()) || "ENDED".equals(view.live())) {
            return view.live();
        }
        return switch (view.provisioning()) {
            case "PROVISIONED", "FAILED" -> view.provisioning();
            case "REMOVED" -> "CANCELLED";
            default -> "PENDING";
        };
    }

    /** Participants in the meeting now: attendance records (written by the webhook consumer) marked present. */
    private long present(Map<String, String> attendance) {
        long present = 0;
        for (String value : attendance.values()) {
            if (json.readTree(value).path("present").asBoolean(false)) {
                present++;
            }
        }
        return present;
    }

    private static BoardRow.LiveStreamState stream(Map<String, String> hash) {
        if (hash.isEmpty()) {
            return new BoardRow.LiveStreamState(false, null, null, "NOT_CONFIGURED");
        }
        return new BoardRow.LiveStreamState(true, hash.get("streamUrl"), hash.get("pageUrl"),
                hash.getOrDefault("state", "CONFIGURED"));
    }
}
