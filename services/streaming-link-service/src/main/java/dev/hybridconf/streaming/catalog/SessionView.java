package dev.hybridconf.streaming.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.hybridconf.kit.errors.ProblemMessages;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * One session as the streaming-link service knows it: the programme's facts (from session events) and
 * the state of its Zoom meeting. Read from the hash {@link StreamingKeys#session}; the field names below
 * are the hash fields.
 *
 * <ul>
 * <li>Written by provisioning: {@code conferenceId kind day start end timeZone format slot title floorLanguages
 * publiclyStreamed sessionVersion status needsMeeting audience provisioning hostUserId zoomKind meetingId
 * provisionedVersion failureReason failureDetail attempts}.</li>
 * <li>Written by the webhook consumer: {@code live liveAt}.</li>
 * <li>Written when Zoom lost the meeting (see {@code provisioning.LostMeetings}) and when provisioning replaced it:
 * {@code lostMeetingId lostAt lostDetection repairedAt repairedMeetingId}.</li>
 * </ul>
 *
 * @param status       {@code SCHEDULED} or {@code CANCELLED}
 * @param needsMeeting false for breaks and in-person-only sessions
 * @param audience     {@code ALL_REMOTE} (every approved remote participant) or {@code ENROLLED} (breakouts)
 * @param provisioning {@code PENDING}, {@code PROVISIONED}, {@code FAILED}, {@code REMOVED} or {@code NOT_NEEDED}
 * @param zoomKind     {@code MEETING} or {@code WEBINAR}, once provisioned
 * @param live         {@code SCHEDULED}, {@code LIVE} or {@code ENDED}
 * @param lostMeetingId the last meeting Zoom lost (deleted behind the platform's back), or null
 * @param lostAt        when the platform noticed it
 * @param lostDetection how: {@code call} (Zoom answered a call that it does not exist), {@code webhook}
 *                      ({@code meeting.deleted}) or {@code reconciliation} (missing from its host's meetings)
 * @param repairedAt    when the replacement meeting was created; null while the repair runs
 * @param repairedMeetingId the replacement meeting
 */
public record SessionView(
        String sessionId,
        String conferenceId,
        String kind,
        LocalDate day,
        Instant start,
        Instant end,
        String timeZone,
        String format,
        String slot,
        String titleJson,
        List<String> floorLanguages,
        boolean publiclyStreamed,
        long sessionVersion,
        String status,
        boolean needsMeeting,
        String audience,
        String provisioning,
        String hostUserId,
        String zoomKind,
        String meetingId,
        long provisionedVersion,
        String failureReason,
        String failureDetail,
        int attempts,
        String live,
        Instant liveAt,
        String lostMeetingId,
        Instant lostAt,
        String lostDetection,
        Instant repairedAt,
        String repairedMeetingId) {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    public static final String ALL_REMOTE = "ALL_REMOTE";
    public static final String ENROLLED = "ENROLLED";
    public static final String PROVISIONED = "PROVISIONED";
    public static final String LOST_MEETING_ID = "lostMeetingId";
    public static final String LOST_AT = "lostAt";
    public static final String LOST_DETECTION = "lostDetection";
    public static final String REPAIRED_AT = "repairedAt";
    public static final String REPAIRED_MEETING_ID = "repairedMeetingId";

    /**
     * Whether the session has a meeting at Zoom that people may be sent to: provisioned, and not one Zoom lost (a
     * lost meeting's links lead nowhere until its replacement is created and everyone is registered again).
     */
    public boolean provisioned() {
        return PROVISIONED.equals(provisioning) && meetingId != null && !repairing();
    }

    /** Zoom lost the session's meeting and its replacement is not created yet. */
    public boolean repairing() {
        return lostMeetingId != null && repairedAt == null;
    }

    public boolean cancelled() {
        return "CANCELLED".equals(status);
    }

    /** The title in the reader's language (en, fr, es), else English, else any language the programme has. */
    public String title(Locale locale) {
        return title(titleJson, locale);
    }

    static String title(String titleJson, Locale locale) {
        JsonNode titles;
        try {
            titles = JSON.readTree(titleJson == null ? "{}" : titleJson);
        } catch (RuntimeException e) {
            return titleJson;
        }
        if (titles.isString()) {
            return titles.asString();
        }
        String language = ProblemMessages.supported(locale).getLanguage();
        for (String candidate : List.of(language, "en")) {
            JsonNode text = titles.get(candidate);
            if (text != null && text.isString() && !text.asString().isBlank()) {
                return text.asString();
            }
        }
        for (JsonNode text : titles) {
            if (text.isString()) {
                return text.asString();
            }
        }
        return "";
    }

    /** Reads the hash; null when the service has never heard of the session. */
    public static SessionView fromHash(String sessionId, Map<String, String> hash) {
        if (hash == null || hash.isEmpty() || hash.get("start") == null) {
            return null;
        }
        return new SessionView(
                sessionId,
                hash.get("conferenceId"),
                hash.get("kind"),
                parseDay(hash.get("day")),
                parseInstant(hash.get("start")),
                parseInstant(hash.get("end")),
                hash.get("timeZone"),
                hash.get("format"),
                blankToNull(hash.get("slot")),
                hash.getOrDefault("title", "{}"),
                split(hash.get("floorLanguages")),
                Boolean.parseBoolean(hash.get("publiclyStreamed")),
                parseLong(hash.get("sessionVersion")),
                hash.getOrDefault("status", "SCHEDULED"),
                Boolean.parseBoolean(hash.getOrDefault("needsMeeting", "true")),
                hash.getOrDefault("audience", ENROLLED),
                hash.getOrDefault("provisioning", "PENDING"),
                blankToNull(hash.get("hostUserId")),
                blankToNull(hash.get("zoomKind")),
                blankToNull(hash.get("meetingId")),
                parseLong(hash.get("provisionedVersion")),
                blankToNull(hash.get("failureReason")),
                blankToNull(hash.get("failureDetail")),
                (int) parseLong(hash.get("attempts")),
                hash.getOrDefault("live", "SCHEDULED"),
                parseInstant(hash.get("liveAt")),
                blankToNull(hash.get(LOST_MEETING_ID)),
                parseInstant(hash.get(LOST_AT)),
                blankToNull(hash.get(LOST_DETECTION)),
                parseInstant(hash.get(REPAIRED_AT)),
                blankToNull(hash.get(REPAIRED_MEETING_ID)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Instant parseInstant(String value) {
        return value == null || value.isBlank() ? null : Instant.parse(value);
    }

    private static LocalDate parseDay(String value) {
        return value == null || value.isBlank() ? null : LocalDate.parse(value);
    }

    private static long parseLong(String value) {
        return value == null || value.isBlank() ? 0 : Long.parseLong(value);
    }

    private static List<String> split(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.stream(value.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }
}
