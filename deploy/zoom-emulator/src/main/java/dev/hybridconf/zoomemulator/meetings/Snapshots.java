package dev.hybridconf.zoomemulator.meetings;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** What the admin API shows of meetings: everything, including deleted meetings and cancelled registrants. */
public final class Snapshots {

    private Snapshots() {
    }

    /**
     * A meeting or webinar as the emulator holds it.
     *
     * @param id Zoom's numeric id
     * @param uuid the instance uuid
     * @param kind {@code meeting} or {@code webinar}
     * @param type Zoom's type (2 scheduled meeting, 5 webinar)
     * @param topic the topic
     * @param hostId the host user's id
     * @param hostEmail the host user's e-mail
     * @param startTime the scheduled start
     * @param duration minutes
     * @param timezone the time zone
     * @param joinUrl the meeting's own join link
     * @param registrationUrl the registration link, when registration is on
     * @param settings the settings as the API returns them
     * @param deleted whether it was deleted through the API
     * @param live whether it is running
     * @param timesStarted how often it was started
     * @param livestream live-stream settings and whether it is streaming
     * @param registrants every registrant, cancelled ones included
     * @param registrantsByStatus how many registrants have each status
     * @param participants everyone who joined, with when they left
     * @param updates the updates ({@code PATCH}) it accepted, so that a test can tell "no call" from "a call that
     *        changed nothing"
     * @param interpretation its spoken and sign language interpretation settings, read out of {@code settings}
     */
    public record Meeting(long id, String uuid, String kind, int type, String topic, String hostId, String hostEmail,
            Instant startTime, int duration, String timezone, String joinUrl, String registrationUrl,
            JsonNode settings, boolean deleted, boolean live, int timesStarted, Livestream livestream,
            List<Registrant> registrants, Map<String, Integer> registrantsByStatus, List<Participant> participants,
            int updates, Interpretation interpretation) {
    }

    /**
     * A meeting's interpretation: {@code settings.language_interpretation} and
     * {@code settings.sign_language_interpretation}.
     *
     * @param enabled whether language interpretation is on
     * @param interpreters the spoken-language interpreters, each with Zoom's language pair ({@code US,FR})
     * @param signLanguageEnabled whether sign language interpretation is on
     * @param signInterpreters the sign language interpreters, each with their sign language
     */
    public record Interpretation(boolean enabled, List<Interpreter> interpreters, boolean signLanguageEnabled,
            List<SignInterpreter> signInterpreters) {
    }

    /** A spoken-language interpreter: e-mail and language pair. */
    public record Interpreter(String email, String languages) {
    }

    /** A sign language interpreter: e-mail and sign language. */
    public record SignInterpreter(String email, String signLanguage) {
    }

    /** Live-stream settings and state. */
    public record Livestream(String streamUrl, String streamKey, String pageUrl, String resolution,
            boolean streaming) {
    }

    /** One registrant. */
    public record Registrant(String id, String email, String firstName, String lastName, String language,
            String status, String joinUrl, Instant createdAt) {
    }

    /** One participant. */
    public record Participant(String participantUuid, String userId, String userName, String email,
            String registrantId, Instant joinTime, Instant leaveTime) {
    }

    /** What the admin API answers to something that happens in a meeting: the result and the webhooks it sent. */
    public record Happened<T>(T result, List<Event> webhookEvents) {
    }

    /** A webhook event sent. */
    public record Event(String id, String event) {
    }
}
