package dev.hybridconf.streaming.catalog;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import dev.hybridconf.kit.redis.KeySpace;

/**
 * The Redis keys the parts of the streaming-link service share, with the part that writes each. Keys
 * private to one part (its locks, replay markers, due queues) are built by that part from {@link #space()}.
 * The whole layout is in {@code docs/services/streaming-link.md#redis-keys}.
 */
@Component
public final class StreamingKeys {

    private final KeySpace keys;

    public StreamingKeys(KeySpace keys) {
        this.keys = keys;
    }

    public KeySpace space() {
        return keys;
    }

    /** Hash: the service's copy of a session and the state of its meeting (see {@link SessionView}). */
    public String session(String sessionId) {
        return keys.key("session", sessionId);
    }

    /** Sorted set of the session ids of one conference day, scored by start (epoch milliseconds). */
    public String day(LocalDate day) {
        return keys.key("sessions", "day", day.toString());
    }

    /** Set of the sessions every approved remote participant is registered in (plenaries, openings, wrap-ups). */
    public String allRemoteSessions() {
        return keys.key("sessions", "all-remote");
    }

    /** String: the session of a Zoom meeting or webinar number (kept after deletion, for late webhooks). */
    public String meeting(String meetingId) {
        return keys.key("meeting", meetingId);
    }

    /** Sorted set of sessions whose registrants need a synchronisation, scored by when (epoch milliseconds). */
    public String registrantsDirty() {
        return keys.key("registrants", "dirty");
    }

    /** Hash: registration id to the JSON of its Zoom registration in this session ({@link JoinLink}). */
    public String registrants(String sessionId) {
        return keys.key("registrants", sessionId);
    }

    /** Hash: Zoom registrant id to registration id, for one meeting (attendance from webhooks). */
    public String registrantIds(String meetingId) {
        return keys.key("registrant-ids", meetingId);
    }

    /** Hash: the service's copy of one registration (status, attendance mode, languages). */
    public String participant(String registrationId) {
        return keys.key("participant", registrationId);
    }

    /** Set of the registrations approved to attend a conference remotely (each registration is for one conference). */
    public String remoteParticipants(String conferenceId) {
        return keys.key("participants", "remote", conferenceId);
    }

    /**
     * Set of the registrations approved to attend remotely, of every conference at once: what versions from before
     * conferences were the boundary of registration kept; moved into {@link #remoteParticipants(String)} at start-up.
     */
    public String legacyRemoteParticipants() {
        return keys.key("participants", "remote");
    }

    /** Set of the registrations holding a place in a breakout. */
    public String enrolled(String sessionId) {
        return keys.key("enrolled", sessionId);
    }

    /** Set of the breakouts a registration holds a place in. */
    public String enrolments(String registrationId) {
        return keys.key("enrolments", registrationId);
    }

    /** Hash: registration id to the JSON of their attendance in a session. */
    public String attendance(String sessionId) {
        return keys.key("attendance", sessionId);
    }

    /** Hash: Zoom host user id to the JSON of a host of the pool. */
    public String hosts() {
        return keys.key("hosts");
    }

    /** Hash: a session's live-stream settings (stream URL, key, page URL, state). */
    public String liveStream(String sessionId) {
        return keys.key("livestream", sessionId);
    }

    /** Stream: who asked for a host link, when, and for which session. */
    public String hostLinkAudit() {
        return keys.key("audit", "host-links");
    }
}
