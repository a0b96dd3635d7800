package dev.hybridconf.zoomemulator.meetings;

import java.time.Instant;

/** A person registered for one meeting, with a personal join link. Guarded by the {@link MeetingBook}. */
final class Registrant {

    static final String APPROVED = "approved";
    static final String PENDING = "pending";
    static final String DENIED = "denied";
    static final String CANCELLED = "cancelled";

    final String id;
    final String email;
    final String token;
    final String joinUrl;
    final Instant createdAt;
    String firstName;
    String lastName;
    String language;
    String status;

    Registrant(String id, String email, String token, String joinUrl, Instant createdAt) {
        this.id = id;
        this.email = email;
        this.token = token;
        this.joinUrl = joinUrl;
        this.createdAt = createdAt;
    }

    boolean active() {
        return status.equals(APPROVED) || status.equals(PENDING);
    }
}
