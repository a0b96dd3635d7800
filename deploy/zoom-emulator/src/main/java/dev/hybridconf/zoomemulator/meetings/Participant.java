package dev.hybridconf.zoomemulator.meetings;

import java.time.Instant;

/** Someone in (or once in) a running meeting. Guarded by the {@link MeetingBook}. */
final class Participant {

    final String participantUuid;
    final String userId;
    final String userName;
    final String email;
    final String registrantId;
    final Instant joinTime;
    Instant leaveTime;

    Participant(String participantUuid, String userId, String userName, String email, String registrantId,
            Instant joinTime) {
        this.participantUuid = participantUuid;
        this.userId = userId;
        this.userName = userName;
        this.email = email;
        this.registrantId = registrantId;
        this.joinTime = joinTime;
    }

    boolean present() {
        return leaveTime == null;
    }
}
