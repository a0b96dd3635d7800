package dev.hybridconf.rapporteur.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A session as the programme last published it.
 *
 * @param kind         {@code PLENARY}, {@code BREAKOUT}, {@code WRAP_UP}, ... as the session service names them
 * @param title        per language
 * @param track        the breakout's track, or null
 * @param slot         the parallel slot it belongs to, or null
 * @param moderatorIds registration ids of its moderators (never names: personal data stays in registration)
 * @param rapporteurId registration id of its rapporteur (a wrap-up's rapporteur by default reports the day), or null
 */
public record SessionInfo(String id, String conferenceId, String kind, LocalDate day, Instant start, Instant end,
        Map<String, String> title, String track, String slot, List<String> moderatorIds, String rapporteurId,
        boolean cancelled) {

    public SessionInfo {
        title = Map.copyOf(title);
        moderatorIds = List.copyOf(moderatorIds);
    }

    public boolean breakout() {
        return "BREAKOUT".equals(kind);
    }
}
