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
     * @param languages     the codes of the channels a participant can pick in Zoom (empty when none)
     * @param yourLanguage  the language the participant asked interpretation into, or null
     * @param channels      every interpretation channel of the session, in the room, on Zoom or both
     */
    public record Interpretation(List<String> languages, String yourLanguage, List<Channel> channels) {
    }

    /**
     * One interpretation channel.
     *
     * @param language     its code ({@code en}, {@code fr}, {@code es}, {@code ar}, {@code ils} ...)
     * @param name         the language's name in the caller's language (English, French or Spanish)
     * @param signLanguage whether it is a sign language (shown as an interpreter's video in Zoom)
     * @param onZoom       whether it is a Zoom channel (else only the room's booths give it)
     */
    public record Channel(String language, String name, boolean signLanguage, boolean onZoom) {
    }
}
