package dev.hybridconf.streaming.board;

import java.time.Instant;
import java.time.LocalDate;

import dev.hybridconf.streaming.interpretation.InterpretationReadiness;

/**
 * One line of the streaming staff's board: a session of the day, its Zoom meeting and how it stands.
 * Holds no link and no stream key.
 *
 * @param localStart    start, {@code HH:mm} in the session's zone (the board is of the day the session starts)
 * @param localEnd      end, {@code HH:mm} in the session's zone
 * @param localEndDay   the date the session ends on in its zone: the board's day, or the next for a session
 *                      running past midnight
 * @param status        {@code NOT_STREAMED}, {@code PENDING}, {@code PROVISIONED}, {@code FAILED}, {@code REPAIRING}
 *                      (Zoom lost the meeting; a new one is being created), {@code LIVE}, {@code ENDED} or
 *                      {@code CANCELLED}
 * @param failure       why provisioning failed (reason and detail), when {@code status} is {@code FAILED}
 * @param registrants   participants registered in the meeting (with a personal join link)
 * @param present       participants in the meeting now, per the Zoom webhooks
 * @param interpretation the session's interpretation channels and how far Zoom is set up for them (readiness
 *                      {@code NONE}, {@code PENDING}, {@code DEFERRED}, {@code FAILED}, {@code GAPS} or
 *                      {@code READY}); interpreters are shown by count, never by e-mail
 * @param repair        the last time Zoom lost the session's meeting and how it was repaired; null if it never did
 */
record BoardRow(
        String sessionId,
        String conferenceId,
        String title,
        String kind,
        Instant start,
        Instant end,
        String localStart,
        String localEnd,
        LocalDate localEndDay,
        String timeZone,
        String status,
        Failure failure,
        String meetingId,
        String zoomKind,
        String hostUserId,
        long registrants,
        long present,
        InterpretationReadiness interpretation,
        LiveStreamState liveStream,
        Repair repair) {

    record Failure(String reason, String detail, int attempts) {
    }

    /**
     * Zoom lost the session's meeting (a host deleted it at Zoom, or Zoom forgot it) and the platform replaced it.
     *
     * @param state         {@code REPAIRING} until the new meeting exists, then {@code REPAIRED}
     * @param lostMeetingId the meeting Zoom lost
     * @param detection     how it was noticed: {@code call}, {@code webhook} or {@code reconciliation}
     * @param lostAt        when it was noticed
     * @param newMeetingId  the replacement, once created
     * @param repairedAt    when the replacement was created
     * @param message       what happened, in the reader's language
     */
    record Repair(String state, String lostMeetingId, String detection, Instant lostAt, String newMeetingId,
            Instant repairedAt, String message) {
    }

    /** The live-stream set-up without its key: whether one is configured, its public page and state. */
    record LiveStreamState(boolean configured, String streamUrl, String pageUrl, String state) {
    }
}
