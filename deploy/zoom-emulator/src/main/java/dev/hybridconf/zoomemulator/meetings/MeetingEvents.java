package dev.hybridconf.zoomemulator.meetings;

import java.time.Instant;

import dev.hybridconf.zoomemulator.ZoomTime;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code payload} of each webhook event, shaped as Zoom's event reference shows them: {@code account_id} and an
 * {@code object} describing the meeting (its {@code id} a string in start, end and participant events, a number in
 * live-streaming and deletion events), with a {@code participant} or {@code live_streaming} part where the event has
 * one.
 */
final class MeetingEvents {

    private MeetingEvents() {
    }

    static String name(Meeting meeting, String what) {
        return meeting.kind.word() + "." + what;
    }

    static ObjectNode started(String accountId, Meeting meeting) {
        return payload(accountId, object(meeting, false));
    }

    static ObjectNode ended(String accountId, Meeting meeting, Instant endTime) {
        ObjectNode object = object(meeting, false);
        object.put("end_time", ZoomTime.format(endTime));
        return payload(accountId, object);
    }

    static ObjectNode participantJoined(String accountId, Meeting meeting, Participant participant) {
        ObjectNode object = object(meeting, false);
        ObjectNode node = participant(object, participant);
        node.put("join_time", ZoomTime.format(participant.joinTime));
        return payload(accountId, object);
    }

    static ObjectNode participantLeft(String accountId, Meeting meeting, Participant participant, String reason) {
        ObjectNode object = object(meeting, false);
        ObjectNode node = participant(object, participant);
        node.put("leave_time", ZoomTime.format(participant.leaveTime));
        node.put("leave_reason", reason);
        return payload(accountId, object);
    }

    /**
     * {@code meeting.deleted} / {@code webinar.deleted}: the meeting (its {@code id} a number, as in Zoom's reference),
     * with {@code operator}, {@code operator_id} and {@code operation} ({@code single}: the whole meeting). The
     * emulator cannot tell which user an app acts as, so the operator is always the host.
     */
    static ObjectNode deleted(String accountId, Meeting meeting) {
        ObjectNode payload = payload(accountId, object(meeting, true));
        payload.put("operator", meeting.host.email());
        payload.put("operator_id", meeting.host.id());
        payload.put("operation", "single");
        return payload;
    }

    static ObjectNode liveStreaming(String accountId, Meeting meeting, Instant at) {
        ObjectNode object = object(meeting, true);
        ObjectNode live = object.putObject("live_streaming");
        live.put("service", "Custom_Live_Streaming_Service");
        ObjectNode custom = live.putObject("custom_live_streaming_settings");
        custom.put("stream_url", meeting.streamUrl);
        custom.put("stream_key", meeting.streamKey);
        custom.put("page_url", meeting.pageUrl);
        custom.put("resolution", meeting.resolution);
        live.put("date_time", ZoomTime.format(at));
        ObjectNode payload = payload(accountId, object);
        payload.put("operator", meeting.host.email());
        payload.put("operator_id", meeting.host.id());
        return payload;
    }

    private static ObjectNode payload(String accountId, ObjectNode object) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("account_id", accountId);
        payload.set("object", object);
        return payload;
    }

    private static ObjectNode object(Meeting meeting, boolean numericId) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        if (numericId) {
            object.put("id", meeting.id);
        } else {
            object.put("id", Long.toString(meeting.id));
        }
        object.put("uuid", meeting.uuid);
        object.put("host_id", meeting.host.id());
        object.put("topic", meeting.topic);
        object.put("type", meeting.type);
        Instant start = meeting.liveSince != null ? meeting.liveSince : meeting.startTime;
        object.put("start_time", ZoomTime.format(start));
        object.put("timezone", meeting.timezone);
        object.put("duration", meeting.duration);
        return object;
    }

    private static ObjectNode participant(ObjectNode object, Participant participant) {
        ObjectNode node = object.putObject("participant");
        node.put("user_id", participant.userId);
        node.put("user_name", participant.userName);
        node.put("participant_uuid", participant.participantUuid);
        node.put("email", participant.email == null ? "" : participant.email);
        if (participant.registrantId != null) {
            node.put("registrant_id", participant.registrantId);
        }
        return node;
    }
}
