package dev.hybridconf.interpretation.demand;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A session of a programme as this service knows it from {@code session.events}. A session whose details or times
 * have not arrived yet (only possible when its events come out of order, e.g. a replayed dead letter) has null
 * {@code kind} or {@code start}: it is not {@link #listed()}.
 *
 * @param kind           {@code OPENING}, {@code PLENARY}, {@code BREAKOUT}, {@code WRAP_UP}, {@code BREAK} or
 *                       {@code SIDE_EVENT}
 * @param format         {@code IN_PERSON}, {@code HYBRID} or {@code ONLINE}
 * @param floorLanguages what the speakers use
 * @param cancelled      whether it was taken off the programme (and not reinstated since)
 */
public record KnownSession(String id, String conferenceId, String kind, LocalDate day, Instant start, Instant end,
        ZoneId timeZone, String format, List<String> floorLanguages, String room, String slot,
        Map<String, String> title, boolean cancelled) {

    public static final String BREAK = "BREAK";
    public static final String BREAKOUT = "BREAKOUT";

    public KnownSession {
        floorLanguages = List.copyOf(floorLanguages);
        title = Map.copyOf(title);
    }

    /** Whether interpretation plans it: on the programme, not a break, its details and times known. */
    public boolean listed() {
        return !cancelled && kind != null && !BREAK.equals(kind) && start != null && end != null && day != null;
    }

    /** Breakouts count their enrolled participants; every other kind the approved participants of the conference. */
    public boolean countsEnrolments() {
        return BREAKOUT.equals(kind);
    }
}
