package dev.hybridconf.streaming.join;

import java.time.Instant;
import java.util.List;

/**
 * What a participant needs to join a session: their own personal join URL (never a host link), the time and
 * the interpretation channels.
 *
 * @param title   in the caller's language (English, French or Spanish), English when the programme lacks it
 * @param joinUrl the caller's personal Zoom link, issued for them alone
 */
public record JoinAnswer(String sessionId, String title, Instant start, Instant end, String timeZone, String joinUrl,
        Interpretation interpretation) {

    /**
     * @param languages     the session's interpretation channels (empty when it has none)
     * @param yourLanguage  the language the participant asked interpretation into, or null
     */
    public record Interpretation(List<String> languages, String yourLanguage) {
    }
}
