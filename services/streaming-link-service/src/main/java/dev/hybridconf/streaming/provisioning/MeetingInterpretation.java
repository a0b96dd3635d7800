package dev.hybridconf.streaming.provisioning;

import java.util.Optional;

import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.streaming.zoom.LanguageInterpretation;
import dev.hybridconf.streaming.zoom.MeetingSettings;
import dev.hybridconf.streaming.zoom.SignLanguageInterpretation;

/**
 * What provisioning asks of the interpretation set-up (implemented in {@code dev.hybridconf.streaming.interpretation},
 * which depends on provisioning, not the other way round): the interpretation settings a new meeting is created
 * with, so that a session provisioned after its interpretation was published, and a meeting re-created after a
 * loss or a move to another host, has its channels and interpreters from the first call, without an update of its
 * own. Interpretation does not work inside Zoom breakout rooms: every breakout is provisioned as a meeting of its
 * own, which is what makes this possible for breakouts too.
 */
public interface MeetingInterpretation {

    /**
     * The interpretation settings to create the session's meeting with; empty when no interpretation plan was ever
     * published for the session (the meeting is then created without them, as Zoom's defaults leave it off).
     */
    Optional<Settings> forNewMeeting(String sessionId);

    /**
     * Records, in the provisioner's atomic step that stores a new meeting, what the meeting was created with (null:
     * nothing, or unknown because an earlier create's meeting was adopted), and marks the set-up due, so that it
     * checks the meeting against the newest plan without a call when they already agree.
     */
    void created(AtomicWrite write, String sessionId, String meetingId, Settings sent);

    /** Forgets what was applied to the session's meeting, in the provisioner's step that deletes it. */
    void meetingRemoved(AtomicWrite write, String sessionId);

    /**
     * The settings of one meeting.
     *
     * @param spoken      {@code settings.language_interpretation}
     * @param sign        {@code settings.sign_language_interpretation}
     * @param fingerprint what they amount to: equal fingerprints, equal settings at Zoom
     */
    record Settings(LanguageInterpretation spoken, SignLanguageInterpretation sign, String fingerprint) {

        /** {@code settings} with these two objects added. */
        public MeetingSettings addTo(MeetingSettings settings) {
            return settings.withLanguageInterpretation(spoken).withSignLanguageInterpretation(sign);
        }
    }
}
