package dev.hybridconf.rapporteur.live;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.hybridconf.kit.redis.KeySpace;

/**
 * One entry of a conference's live stream ({@code live:<conferenceId>}, a Redis stream): something a rapporteur's
 * open view must show. Written by whoever changed it, in the same step as the change; read by every replica's
 * feed, which pushes it to the browsers that watch that day.
 *
 * @param type      {@code conclusion}, {@code lock}, {@code session} (the day's breakouts changed) or {@code trends}
 * @param sessionId the breakout concerned, or null for {@code trends}
 * @param revision  the conclusion's revision for {@code conclusion}, the corpus version for {@code trends}, else 0
 */
public record LiveEntry(String type, String sessionId, LocalDate day, long revision) {

    public static String streamKey(KeySpace keys, String conferenceId) {
        return keys.key("live", conferenceId);
    }

    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("type", type);
        if (sessionId != null) {
            fields.put("session", sessionId);
        }
        fields.put("day", day.toString());
        fields.put("revision", Long.toString(revision));
        return fields;
    }

    public static LiveEntry from(Map<String, String> fields) {
        return new LiveEntry(fields.get("type"), fields.get("session"), LocalDate.parse(fields.get("day")),
                Long.parseLong(fields.getOrDefault("revision", "0")));
    }
}
