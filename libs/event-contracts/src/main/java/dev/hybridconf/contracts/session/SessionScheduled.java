package dev.hybridconf.contracts.session;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A session is on the programme (new, or reinstated after a cancellation): everything the streaming
 * service needs to provision its Zoom meeting or webinar and the interpretation service to plan its
 * booths. No personal data: moderators and rapporteur are registration ids, speakers are not sent.
 *
 * @param kind             {@code OPENING}, {@code PLENARY}, {@code BREAKOUT}, {@code WRAP_UP}, {@code BREAK} or {@code SIDE_EVENT}
 * @param day              the conference day (local date in {@code timeZone}) the session belongs to
 * @param start            start instant
 * @param end              end instant, after {@code start}
 * @param timeZone         the conference's IANA zone, in which {@code day} and the local times were set
 * @param format           {@code IN_PERSON}, {@code HYBRID} or {@code ONLINE}
 * @param floorLanguages   the languages spoken on the floor (the interpretation sources)
 * @param publiclyStreamed whether the session is streamed publicly (live stream), beyond registered participants
 * @param capacity         places (breakouts), or null when unlimited
 * @param moderatorIds     registration ids of the moderators
 * @param rapporteurId     registration id of the rapporteur, or null
 * @param room             room or venue, or null (online only)
 * @param track            track or theme, or null
 * @param slot             the breakout slot (breakouts of one slot run in parallel), or null
 * @param title            the title by language code
 */
public record SessionScheduled(
        String sessionId,
        String conferenceId,
        long programmeVersion,
        long sessionVersion,
        String kind,
        LocalDate day,
        Instant start,
        Instant end,
        String timeZone,
        String format,
        List<String> floorLanguages,
        boolean publiclyStreamed,
        Integer capacity,
        List<String> moderatorIds,
        String rapporteurId,
        String room,
        String track,
        String slot,
        Map<String, String> title) implements SessionEvent {

    public static final String TYPE = "session.scheduled.v1";

    public SessionScheduled {
        floorLanguages = List.copyOf(floorLanguages);
        moderatorIds = List.copyOf(moderatorIds);
        title = Map.copyOf(title);
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
