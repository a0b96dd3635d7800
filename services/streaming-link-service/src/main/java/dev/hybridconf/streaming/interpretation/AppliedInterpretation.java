package dev.hybridconf.streaming.interpretation;

import java.time.Instant;
import java.util.Map;

/**
 * What the set-up last did for a session ({@link InterpretationKeys#applied}): the meeting and the settings (by
 * fingerprint) Zoom was last given, and how the last try ended.
 *
 * @param meetingId            the meeting the settings went to (a new meeting starts again from nothing)
 * @param fingerprint          {@link ZoomInterpretationPlan#fingerprint()} of what that meeting has
 * @param planVersion          the plan version those settings came from
 * @param appliedAt            when
 * @param state                the last try: {@code APPLIED}, {@code WAITING} (no meeting yet), {@code DEFERRED} (the
 *                             host's daily cap is near) or {@code FAILED}
 * @param reason               why it is deferred or failed ({@code DAILY_CAP_NEAR}, {@code DAILY_CAP_EXHAUSTED},
 *                             {@code ZOOM_REJECTED}, {@code ZOOM_UNAVAILABLE})
 * @param detail               Zoom's message, when it refused
 * @param retryAt              when it is tried again, if it is
 * @param attempts             failed tries in a row
 * @param attemptedFingerprint the settings the last try was about
 */
record AppliedInterpretation(String meetingId, String fingerprint, long planVersion, Instant appliedAt, String state,
        String reason, String detail, Instant retryAt, int attempts, String attemptedFingerprint) {

    static final String APPLIED = "APPLIED";
    static final String WAITING = "WAITING";
    static final String DEFERRED = "DEFERRED";
    static final String FAILED = "FAILED";

    /** Reads the hash; null when nothing was ever tried for the session. */
    static AppliedInterpretation fromHash(Map<String, String> hash) {
        if (hash == null || hash.isEmpty()) {
            return null;
        }
        return new AppliedInterpretation(blankToNull(hash.get("meetingId")), blankToNull(hash.get("fingerprint")),
                parseLong(hash.get("planVersion")), parseInstant(hash.get("appliedAt")), blankToNull(hash.get("state")),
                blankToNull(hash.get("reason")), blankToNull(hash.get("detail")), parseInstant(hash.get("retryAt")),
                (int) parseLong(hash.get("attempts")), blankToNull(hash.get("attemptedFingerprint")));
    }

    /** Whether this meeting already has these settings. */
    boolean has(String currentMeetingId, String currentFingerprint) {
        return currentMeetingId != null && currentMeetingId.equals(meetingId) && currentFingerprint.equals(fingerprint);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static long parseLong(String value) {
        try {
            return value == null || value.isBlank() ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Instant parseInstant(String value) {
        try {
            return value == null || value.isBlank() ? null : Instant.parse(value);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
