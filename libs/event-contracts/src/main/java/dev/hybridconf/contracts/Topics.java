package dev.hybridconf.contracts;

import java.util.List;

/**
 * Logical topic names: one topic per producing service, keyed by aggregate id, and one dead-letter
 * topic per consumed topic. Deployments may prefix them with a namespace (tests do), so code asks
 * the service kit for the physical name rather than using these strings directly on the wire.
 */
public final class Topics {

    public static final String REGISTRATION_EVENTS = "registration.events";
    public static final String SESSION_EVENTS = "session.events";
    public static final String STREAMING_EVENTS = "streaming.events";
    public static final String INTERPRETATION_EVENTS = "interpretation.events";
    public static final String RAPPORTEUR_EVENTS = "rapporteur.events";

    public static final List<String> ALL = List.of(
            REGISTRATION_EVENTS, SESSION_EVENTS, STREAMING_EVENTS, INTERPRETATION_EVENTS, RAPPORTEUR_EVENTS);

    private static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }

    /** The dead-letter topic that receives the records of {@code topic} its consumers could not process. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
