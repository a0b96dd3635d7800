package dev.hybridconf.streaming.zoom;

/**
 * The meeting and webinar settings the platform sets. {@code null} fields are not sent.
 *
 * @param approvalType                 0 automatic, 1 manual, 2 no registration
 * @param registrationType             1: register once and attend any occurrence
 * @param alternativeHosts             e-mails separated by semicolons
 * @param autoRecording                {@code none}, {@code local} or {@code cloud}
 * @param registrantsConfirmationEmail whether Zoom mails registrants itself
 * @param languageInterpretation       spoken-language interpreters and their language pairs
 * @param signLanguageInterpretation   sign language interpreters and the sign language each gives
 */
public record MeetingSettings(
        Integer approvalType,
        Integer registrationType,
        Boolean waitingRoom,
        Boolean joinBeforeHost,
        String alternativeHosts,
        String autoRecording,
        Boolean registrantsConfirmationEmail,
        Boolean registrantsEmailNotification,
        LanguageInterpretation languageInterpretation,
        SignLanguageInterpretation signLanguageInterpretation) {

    public static final int APPROVAL_AUTOMATIC = 0;
    public static final int APPROVAL_MANUAL = 1;
    public static final int NO_REGISTRATION = 2;

    /**
     * What the platform uses for every session: registration with manual approval and a waiting room,
     * so a leaked registration link lets nobody in; the platform registers its own approved
     * participants (auto-approved) and sends them their links, so Zoom's own e-mails are off.
     */
    public static MeetingSettings platformDefaults(LanguageInterpretation interpretation) {
        return new MeetingSettings(APPROVAL_MANUAL, 1, true, false, null, "none", false, false, interpretation, null);
    }

    /**
     * Only the interpretation settings, for an update that changes nothing else. Both objects are sent whole: Zoom
     * replaces the interpreter lists it is given.
     */
    public static MeetingSettings interpretationOnly(LanguageInterpretation spoken, SignLanguageInterpretation sign) {
        return new MeetingSettings(null, null, null, null, null, null, null, null, spoken, sign);
    }

    public MeetingSettings withLanguageInterpretation(LanguageInterpretation interpretation) {
        return new MeetingSettings(approvalType, registrationType, waitingRoom, joinBeforeHost, alternativeHosts,
                autoRecording, registrantsConfirmationEmail, registrantsEmailNotification, interpretation,
                signLanguageInterpretation);
    }

    public MeetingSettings withSignLanguageInterpretation(SignLanguageInterpretation interpretation) {
        return new MeetingSettings(approvalType, registrationType, waitingRoom, joinBeforeHost, alternativeHosts,
                autoRecording, registrantsConfirmationEmail, registrantsEmailNotification, languageInterpretation,
                interpretation);
    }
}
