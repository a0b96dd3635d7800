package dev.hybridconf.interpretation.needs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * What one session of the programme needs from interpretation, as the plan reads it: when and where it
 * runs, what the floor speaks, and the channels that are needed now (those whose demand reaches the
 * conference's threshold or that an organiser forced, never those an organiser dropped, never a floor
 * language alone). A session with no channel needs nothing and is still listed, so views can say so.
 *
 * @param kind           {@code OPENING}, {@code PLENARY}, {@code BREAKOUT}, {@code WRAP_UP}, {@code SIDE_EVENT} (breaks are
 *                       never listed)
 * @param day            the conference day, local to {@code timeZone}
 * @param room           the room, or null when online only
 * @param slot           the breakout slot (parallel breakouts share it), or null
 * @param format         {@code IN_PERSON}, {@code HYBRID} or {@code ONLINE}
 * @param floorLanguages what the speakers use: the interpretation sources
 * @param relayAllowed   whether a booth may work from another booth (relay, pivot) in this session
 * @param channels       the needed channels, by target language
 * @param title          the session's title by language code
 */
public record SessionNeed(
        String sessionId,
        String conferenceId,
        String kind,
        LocalDate day,
        Instant start,
        Instant end,
        ZoneId timeZone,
        String room,
        String slot,
        String format,
        List<String> floorLanguages,
        boolean relayAllowed,
        List<ChannelNeed> channels,
        Map<String, String> title) {

    public SessionNeed {
        floorLanguages = List.copyOf(floorLanguages);
        channels = List.copyOf(channels);
        title = Map.copyOf(title);
    }

    public Duration length() {
        return Duration.between(start, end);
    }
}
