package dev.hybridconf.streaming.interpretation;

import org.springframework.stereotype.Component;

import dev.hybridconf.streaming.catalog.StreamingKeys;

/** The interpretation set-up's Redis keys, under {@code interpretation:} in the service's key space. */
@Component
public class InterpretationKeys {

    /** Hash field of {@link #desired}: the published snapshot as JSON. */
    public static final String SNAPSHOT = "snapshot";
    /** Hash field of {@link #desired}: its plan version (only a greater one replaces it). */
    public static final String PLAN_VERSION = "planVersion";

    private final StreamingKeys keys;

    InterpretationKeys(StreamingKeys keys) {
        this.keys = keys;
    }

    /**
     * Hash: the session's interpretation as last published ({@code conferenceId planVersion snapshot receivedAt}),
     * the view kept from {@code interpretation.events} and rebuilt from them.
     */
    public String desired(String sessionId) {
        return keys.space().key("interpretation", "desired", sessionId);
    }

    /**
     * Hash: what was last sent to the session's meeting and how the last try went ({@code meetingId fingerprint
     * planVersion appliedAt state reason detail retryAt attempts attemptedFingerprint}). Not part of the view: a
     * rebuild keeps it, so that replaying the events makes no Zoom call for settings Zoom already has.
     */
    public String applied(String sessionId) {
        return keys.space().key("interpretation", "applied", sessionId);
    }

    /** Sorted set: sessions whose meeting's interpretation must be checked, scored by when (epoch ms). */
    public String due() {
        return keys.space().key("interpretation", "due");
    }

    /** The pattern of the view's keys, relative to the key space, for its rebuild. */
    static final String DESIRED_PATTERN = "interpretation:desired:*";

    /** The name of the lease of the replica updating a session's interpretation. */
    static String lease(String sessionId) {
        return "interpretation:" + sessionId;
    }
}
