package dev.hybridconf.streaming.interpretation;

import java.time.Instant;
import java.util.List;

/**
 * How far a session's interpretation stands in Zoom, for streaming staff: worked out from Redis alone.
 *
 * @param state       {@code NONE} (no channel), {@code PENDING} (waiting for the meeting, or being set up),
 *                    {@code DEFERRED} (the host's daily update cap is near: set up after {@code retryAt}),
 *                    {@code FAILED} (Zoom refused, or failed: {@code reason}), {@code GAPS} (set up as planned, but a
 *                    channel is not fully covered or something of the plan cannot go to Zoom: see {@code issues}) or
 *                    {@code READY}
 * @param reason      why, when {@code PENDING}, {@code DEFERRED} or {@code FAILED}
 * @param message     the state in the reader's language
 * @param retryAt     when it is tried again, when deferred or failed
 * @param planVersion the published plan version shown; null when none was published for the session
 * @param channels    every channel of the plan, in the room, on Zoom or both
 * @param issues      the gaps and what cannot be sent to Zoom, each in the reader's language
 */
public record InterpretationReadiness(String state, String reason, String message, Instant retryAt, Long planVersion,
        List<Channel> channels, List<Issue> issues) {

    public static final String NONE = "NONE";
    public static final String PENDING = "PENDING";
    public static final String DEFERRED = "DEFERRED";
    public static final String FAILED = "FAILED";
    public static final String GAPS = "GAPS";
    public static final String READY = "READY";

    public InterpretationReadiness {
        channels = List.copyOf(channels);
        issues = List.copyOf(issues);
    }

    /**
     * One channel.
     *
     * @param name               the language's name in the reader's language
     * @param delivery           {@code ROOM}, {@code ZOOM} or {@code BOTH}
     * @param covered            every seat of its booth filled in the plan
     * @param relayFrom          the pivot language when the booth works on relay
     * @param onZoom             offered as a Zoom channel
     * @param interpretersOnZoom interpreters made interpreters of it in Zoom
     */
    public record Channel(String language, String name, boolean signLanguage, String delivery, boolean covered,
            String relayFrom, boolean onZoom, int interpretersOnZoom) {
    }

    /**
     * A gap or something Zoom will not have ({@link ZoomInterpretationPlan} names the codes).
     *
     * @param interpreterId the roster id of the interpreter concerned, if one is
     * @param message       what it means, in the reader's language
     */
    public record Issue(String code, String language, String interpreterId, String message) {
    }
}
