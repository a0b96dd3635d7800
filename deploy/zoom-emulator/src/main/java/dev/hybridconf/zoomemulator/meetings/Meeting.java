package dev.hybridconf.zoomemulator.meetings;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.hybridconf.zoomemulator.users.HostUser;
import tools.jackson.databind.node.ObjectNode;

/** One meeting or webinar with everything Zoom keeps about it. Mutable; guarded by the {@link MeetingBook}. */
final class Meeting {

    final long id;
    final String uuid;
    final Kind kind;
    final HostUser host;
    final Instant createdAt;
    final String joinUrl;
    final String registrationUrl;
    final String password;
    String topic;
    int type;
    Instant startTime;
    int duration;
    String timezone;
    String agenda;
    ObjectNode settings;
    boolean deleted;
    /** When it started, while it runs. */
    Instant liveSince;
    int timesStarted;
    /** Updates ({@code PATCH}) it accepted. */
    int updates;
    String streamUrl = "";
    String streamKey = "";
    String pageUrl = "";
    String resolution = "720p";
    boolean streaming;
    final Map<String, Registrant> registrants = new LinkedHashMap<>();
    final Map<String, Participant> participants = new LinkedHashMap<>();
    /** Registration requests per e-mail and UTC day ({@code email/2026-06-01}), for the three-a-day limit. */
    final Map<String, Integer> registrationsToday = new LinkedHashMap<>();

    Meeting(long id, String uuid, Kind kind, HostUser host, Instant createdAt, String joinUrl, String registrationUrl,
            String password) {
        this.id = id;
        this.uuid = uuid;
        this.kind = kind;
        this.host = host;
        this.createdAt = createdAt;
        this.joinUrl = joinUrl;
        this.registrationUrl = registrationUrl;
        this.password = password;
    }

    boolean live() {
        return liveSince != null;
    }

    /** {@code approval_type} 0 (automatic) or 1 (manual) means registration; 2 means none. */
    int approvalType() {
        return settings.path("approval_type").asInt(2);
    }

    boolean requiresRegistration() {
        return approvalType() != 2;
    }

    boolean streamConfigured() {
        return !streamUrl.isEmpty() && !streamKey.isEmpty();
    }
}
