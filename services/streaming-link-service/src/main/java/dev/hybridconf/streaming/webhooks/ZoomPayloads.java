package dev.hybridconf.streaming.webhooks;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.hybridconf.contracts.streaming.ZoomWebhookReceived;
import tools.jackson.databind.JsonNode;

/**
 * Reads a verified Zoom event body and keeps only what the platform acts on ({@link ZoomWebhookReceived}):
 * no names, no e-mails. Events that are not about a meeting or webinar are not kept.
 */
final class ZoomPayloads {

    static final String URL_VALIDATION = "endpoint.url_validation";

    private static final Pattern EVENT = Pattern.compile("^(meeting|webinar)\\.[a-z_]+$");
    private static final Pattern MEETING_ID = Pattern.compile("^[0-9]{9,13}$");

    private ZoomPayloads() {
    }

    static String event(JsonNode root) {
        return text(root.path("event"));
    }

    static Optional<ZoomWebhookReceived> read(JsonNode root) {
        String event = event(root);
        if (event == null || !EVENT.matcher(event).matches()) {
            return Optional.empty();
        }
        JsonNode object = root.path("payload").path("object");
        String meetingId = text(object.path("id"));
        if (meetingId == null || !MEETING_ID.matcher(meetingId).matches()) {
            return Optional.empty();
        }
        JsonNode occurrences = object.path("occurrences");
        if (event.endsWith(".deleted") && occurrences.isArray() && !occurrences.isEmpty()) {
            // Occurrences of a recurring meeting were deleted, not the meeting: the platform makes no recurring ones.
            return Optional.empty();
        }
        JsonNode participant = object.path("participant");
        Instant occurredAt = null;
        if (event.endsWith(".started") && !event.contains("live_streaming")) {
            occurredAt = instant(object.path("start_time"));
        } else if (event.endsWith(".ended")) {
            occurredAt = instant(object.path("end_time"));
        } else if (event.endsWith(".participant_joined")) {
            occurredAt = instant(participant.path("join_time"));
        } else if (event.endsWith(".participant_left")) {
            occurredAt = instant(participant.path("leave_time"));
        }
        if (occurredAt == null) {
            JsonNode ts = root.path("event_ts");
            occurredAt = ts.isNumber() ? Instant.ofEpochMilli(ts.longValue()) : null;
        }
        if (occurredAt == null) {
            return Optional.empty();
        }
        String participantUuid = null;
        String registrantId = null;
        if (event.contains(".participant_")) {
            registrantId = blankToNull(text(participant.path("registrant_id")));
            participantUuid = blankToNull(text(participant.path("participant_uuid")));
            if (participantUuid == null) {
                participantUuid = blankToNull(text(participant.path("user_id")));
            }
        }
        return Optional.of(new ZoomWebhookReceived(event, meetingId, blankToNull(text(object.path("uuid"))),
                occurredAt, registrantId, participantUuid));
    }

    private static Instant instant(JsonNode node) {
        String value = text(node);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return Long.toString(node.longValue());
        }
        return node.isString() ? node.stringValue() : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
