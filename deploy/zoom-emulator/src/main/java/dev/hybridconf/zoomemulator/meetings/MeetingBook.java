package dev.hybridconf.zoomemulator.meetings;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import dev.hybridconf.zoomemulator.EmulatorClock;
import dev.hybridconf.zoomemulator.EmulatorException;
import dev.hybridconf.zoomemulator.EmulatorProperties;
import dev.hybridconf.zoomemulator.ZoomTime;
import dev.hybridconf.zoomemulator.api.ZoomApiException;
import dev.hybridconf.zoomemulator.api.ZoomApiException.FieldError;
import dev.hybridconf.zoomemulator.gate.Limits;
import dev.hybridconf.zoomemulator.gate.ZoomRoutes;
import dev.hybridconf.zoomemulator.users.HostUser;
import dev.hybridconf.zoomemulator.users.HostUsers;
import dev.hybridconf.zoomemulator.webhooks.WebhookDispatcher;
import dev.hybridconf.zoomemulator.webhooks.WebhookEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every meeting and webinar of the emulated account, and everything that can happen to them through Zoom's API or
 * the admin API. One lock guards it all (the emulator needs correctness more than throughput); webhooks are only
 * queued under it and sent by the {@link WebhookDispatcher}'s own thread.
 */
@Component
public class MeetingBook {

    /** How often the same person may be registered for the same meeting per UTC day. */
    static final int REGISTRATIONS_PER_DAY = 3;
    private static final long FIRST_PARTICIPANT_USER_ID = 16_778_240L;

    /**
     * A Zoom answer with headers.
     *
     * @param body the body, or {@code null} for 204
     * @param headers headers to add
     */
    public record Answer(ObjectNode body, Map<String, String> headers) {
    }

    /**
     * How a participant joins through the admin API: with a join link (a registrant's personal one or the meeting's
     * own), with a registrant id, or, for a meeting without registration, with a name.
     */
    public record Join(String joinUrl, String registrantId, String name, String email) {
    }

    private record StartToken(long meetingId, Instant expires) {
    }

    private final EmulatorProperties properties;
    private final EmulatorClock clock;
    private final HostUsers users;
    private final Limits limits;
    private final WebhookDispatcher webhooks;
    private final SecureRandom random = new SecureRandom();
    private final Map<Long, Meeting> meetings = new LinkedHashMap<>();
    private final Map<String, StartToken> startTokens = new HashMap<>();
    private long nextParticipantUserId = FIRST_PARTICIPANT_USER_ID;

    public MeetingBook(EmulatorProperties properties, EmulatorClock clock, HostUsers users, Limits limits,
            WebhookDispatcher webhooks) {
        this.properties = properties;
        this.clock = clock;
        this.users = users;
        this.limits = limits;
        this.webhooks = webhooks;
    }

    // ------------------------------------------------------------------------------------------- Zoom API

    /** {@code POST /v2/users/{userId}/meetings} and {@code /webinars}: 201 with the new meeting. */
    public synchronized Answer create(Kind kind, String userId, JsonNode body, String base) {
        HostUser host = users.find(userId).orElseThrow(() -> ZoomApiException.userNotFound(userId));
        if (kind == Kind.WEBINAR && !host.webinarLicence()) {
            throw new ZoomApiException(400, 200, "Cannot use webinar API, You need to subscribe webinar plan and then"
                    + " enable webinar for this user:" + userId + ".");
        }
        Map<String, String> headers = limits.consumeDaily(host.id(),
                ZoomRoutes.category("POST", "/v2/users/{userId}/" + kind.word() + "s"));
        MeetingRequests.Fields fields = MeetingRequests.fields(body, kind, true);
        ObjectNode settings = MeetingRequests.defaultSettings(kind);
        if (fields.settings() != null) {
            MeetingRequests.merge(settings, fields.settings());
        }
        MeetingRequests.checkSettings(settings, host.email(), properties.signLanguages());
        long id = newMeetingId();
        String password = fields.password() != null ? fields.password() : randomToken(6).replaceAll("[-_]", "x");
        String joinUrl = base + "/j/" + id + "?pwd=" + randomToken(24);
        String registrationUrl = base + "/" + kind.word() + "/register/" + randomToken(16);
        Meeting meeting = new Meeting(id, uuid(), kind, host, clock.now(), joinUrl, registrationUrl, password);
        meeting.topic = fields.topic() != null ? fields.topic() : kind == Kind.MEETING ? "Zoom Meeting" : "Webinar";
        meeting.type = fields.type() != null ? fields.type() : kind == Kind.MEETING ? 2 : 5;
        meeting.startTime = fields.startTime() != null ? fields.startTime() : clock.now();
        meeting.duration = fields.duration() != null ? fields.duration() : 60;
        meeting.timezone = fields.timezone() != null && !fields.timezone().isEmpty() ? fields.timezone() : "UTC";
        meeting.agenda = fields.agenda() != null ? fields.agenda() : "";
        meeting.settings = settings;
        meetings.put(id, meeting);
        return new Answer(view(meeting, base), headers);
    }

    /**
     * {@code GET /v2/users/{userId}/meetings} and {@code /webinars}: the host's meetings (or webinars) not deleted, in
     * creation order, {@code page_size} (at most 300, default 30) a page, with Zoom's list fields (no {@code start_url}).
     * Only {@code type=scheduled} (the default) is emulated; the platform looks its meetings up here by agenda.
     */
    public synchronized ObjectNode listForHost(Kind kind, String userId, Integer pageSize, String nextPageToken) {
        HostUser host = users.find(userId).orElseThrow(() -> ZoomApiException.userNotFound(userId));
        int size = pageSize == null ? 30 : pageSize;
        if (size < 1 || size > 300) {
            throw ZoomApiException.badRequest("Invalid field: page_size must be between 1 and 300.");
        }
        List<Meeting> held = meetings.values().stream()
                .filter(m -> !m.deleted && m.kind == kind && m.host.id().equals(host.id())).toList();
        int offset = nextPageToken == null || nextPageToken.isEmpty() ? 0 : pageOffset(nextPageToken);
        List<Meeting> page = held.subList(Math.min(offset, held.size()), Math.min(offset + size, held.size()));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("page_size", size);
        body.put("total_records", held.size());
        body.put("next_page_token", offset + size < held.size() ? pageToken(offset + size) : "");
        ArrayNode list = body.putArray(kind.word() + "s");
        for (Meeting meeting : page) {
            ObjectNode node = list.addObject();
            node.put("uuid", meeting.uuid);
            node.put("id", meeting.id);
            node.put("host_id", meeting.host.id());
            node.put("topic", meeting.topic);
            node.put("type", meeting.type);
            node.put("start_time", ZoomTime.format(meeting.startTime));
            node.put("duration", meeting.duration);
            node.put("timezone", meeting.timezone);
            node.put("agenda", meeting.agenda);
            node.put("created_at", ZoomTime.format(meeting.createdAt));
            node.put("join_url", meeting.joinUrl);
        }
        return body;
    }

    /** {@code GET /v2/meetings/{id}}: the meeting with a fresh {@code start_url}. */
    public synchronized ObjectNode get(Kind kind, String id, String base) {
        return view(require(kind, id), base);
    }

    /** {@code PATCH /v2/meetings/{id}}: 204; counts against the host's daily cap. */
    public synchronized Map<String, String> update(Kind kind, String id, JsonNode body) {
        Meeting meeting = require(kind, id);
        Map<String, String> headers = limits.consumeDaily(meeting.host.id(),
                ZoomRoutes.category("PATCH", "/v2/" + kind.word() + "s/{" + kind.word() + "Id}"));
        MeetingRequests.Fields fields = MeetingRequests.fields(body, kind, false);
        ObjectNode settings = meeting.settings.deepCopy();
        if (fields.settings() != null) {
            MeetingRequests.merge(settings, fields.settings());
        }
        MeetingRequests.checkSettings(settings, meeting.host.email(), properties.signLanguages());
        meeting.settings = settings;
        meeting.updates++;
        if (fields.topic() != null) {
            meeting.topic = fields.topic();
        }
        if (fields.type() != null) {
            meeting.type = fields.type();
        }
        if (fields.startTime() != null) {
            meeting.startTime = fields.startTime();
        }
        if (fields.duration() != null) {
            meeting.duration = fields.duration();
        }
        if (fields.timezone() != null && !fields.timezone().isEmpty()) {
            meeting.timezone = fields.timezone();
        }
        if (fields.agenda() != null) {
            meeting.agenda = fields.agenda();
        }
        return headers;
    }

    /** {@code DELETE /v2/meetings/{id}}: 204; refused while it runs. Zoom announces it ({@code *.deleted}). */
    public synchronized void delete(Kind kind, String id) {
        Meeting meeting = require(kind, id);
        if (meeting.live()) {
            throw new ZoomApiException(400, 3002, "Sorry, you cannot delete this " + kind.word()
                    + " since it's in progress.");
        }
        meeting.deleted = true;
        publish(new ArrayList<>(), meeting, "deleted", MeetingEvents.deleted(properties.accountId(), meeting));
    }

    /** {@code POST /v2/meetings/{id}/registrants}: 201 with the registrant's personal join link. */
    public synchronized ObjectNode addRegistrant(Kind kind, String id, JsonNode body, String base) {
        Meeting meeting = requireRegistration(kind, id);
        List<FieldError> errors = new ArrayList<>();
        MeetingRequests.NewRegistrant wanted = MeetingRequests.registrant(MeetingRequests.requireObject(body), "",
                errors);
        if (!errors.isEmpty()) {
            throw ZoomApiException.validation(errors);
        }
        refuseHosts(meeting, List.of(wanted));
        countRegistrations(meeting, List.of(wanted));
        Registrant registrant = register(meeting, wanted, MeetingRequests.flag(body, "auto_approve"), base);
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("id", meeting.id);
        answer.put("join_url", registrant.joinUrl);
        answer.put("registrant_id", registrant.id);
        answer.put("start_time", ZoomTime.format(meeting.startTime));
        answer.put("topic", meeting.topic);
        answer.putArray("occurrences");
        return answer;
    }

    /** {@code POST /v2/meetings/{id}/batch_registrants}: 1 to 30 registrants, 201 with their join links. */
    public synchronized ObjectNode batchRegistrants(Kind kind, String id, JsonNode body, String base) {
        Meeting meeting = requireRegistration(kind, id);
        List<MeetingRequests.NewRegistrant> wanted = MeetingRequests.batch(body);
        refuseHosts(meeting, wanted);
        countRegistrations(meeting, wanted);
        boolean autoApprove = MeetingRequests.flag(body, "auto_approve");
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        ArrayNode list = answer.putArray("registrants");
        for (MeetingRequests.NewRegistrant one : wanted) {
            Registrant registrant = register(meeting, one, autoApprove, base);
            list.addObject().put("registrant_id", registrant.id).put("email", registrant.email)
                    .put("join_url", registrant.joinUrl);
        }
        return answer;
    }

    /** {@code GET /v2/meetings/{id}/registrants}: one page of the registrants with a status (default approved). */
    public synchronized ObjectNode listRegistrants(Kind kind, String id, String status, Integer pageSize,
            Integer pageNumber, String nextPageToken) {
        Meeting meeting = require(kind, id);
        if (!meeting.requiresRegistration()) {
            throw ZoomApiException.badRequest("This " + kind.word() + " has not registration required: " + id + ".");
        }
        String wanted = status == null || status.isBlank() ? Registrant.APPROVED : status.toLowerCase(Locale.ROOT);
        if (!List.of(Registrant.APPROVED, Registrant.PENDING, Registrant.DENIED).contains(wanted)) {
            throw ZoomApiException.validation(List.of(new FieldError("status", "Invalid field.")));
        }
        int size = pageSize == null ? 30 : pageSize;
        if (size < 1 || size > 300) {
            throw ZoomApiException.validation(List.of(new FieldError("page_size", "Invalid field.")));
        }
        List<Registrant> matching = meeting.registrants.values().stream().filter(r -> r.status.equals(wanted))
                .toList();
        int offset = 0;
        if (nextPageToken != null && !nextPageToken.isBlank()) {
            offset = pageOffset(nextPageToken);
        } else if (pageNumber != null && pageNumber > 1) {
            offset = (pageNumber - 1) * size;
        }
        int end = Math.min(matching.size(), offset + size);
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("page_count", Math.max(1, (matching.size() + size - 1) / size));
        answer.put("page_number", offset / size + 1);
        answer.put("page_size", size);
        answer.put("total_records", matching.size());
        answer.put("next_page_token", end < matching.size() ? pageToken(end) : "");
        ArrayNode list = answer.putArray("registrants");
        for (Registrant registrant : matching.subList(Math.min(offset, matching.size()), end)) {
            ObjectNode node = list.addObject();
            node.put("id", registrant.id);
            node.put("email", registrant.email);
            node.put("first_name", registrant.firstName);
            node.put("last_name", registrant.lastName == null ? "" : registrant.lastName);
            if (registrant.language != null) {
                node.put("language", registrant.language);
            }
            node.put("status", registrant.status);
            node.put("create_time", ZoomTime.format(registrant.createdAt));
            node.put("join_url", registrant.joinUrl);
        }
        return answer;
    }

    /** {@code PUT /v2/meetings/{id}/registrants/status}: approve, deny or cancel up to 30 registrants; 204. */
    public synchronized void updateRegistrantStatus(Kind kind, String id, JsonNode body) {
        Meeting meeting = require(kind, id);
        ObjectNode object = MeetingRequests.requireObject(body);
        String action = object.path("action").asString("");
        if (!List.of("approve", "deny", "cancel").contains(action)) {
            throw ZoomApiException.validation(List.of(new FieldError("action", "Invalid field.")));
        }
        JsonNode list = object.get("registrants");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw ZoomApiException.validation(List.of(new FieldError("registrants", "Invalid field.")));
        }
        if (list.size() > MeetingRequests.MAX_BATCH) {
            throw ZoomApiException.badRequest("You can only update up to " + MeetingRequests.MAX_BATCH
                    + " registrants in one request (got " + list.size() + ").");
        }
        for (JsonNode entry : list) {
            String registrantId = entry.path("id").asString("");
            String email = entry.path("email").asString("").toLowerCase(Locale.ROOT);
            meeting.registrants.values().stream()
                    .filter(r -> r.id.equals(registrantId) || (!email.isEmpty() && r.email.equals(email) && r.active()))
                    .findFirst()
                    .ifPresent(r -> r.status = switch (action) {
                        case "approve" -> r.status.equals(Registrant.CANCELLED) ? r.status : Registrant.APPROVED;
                        case "deny" -> r.status.equals(Registrant.CANCELLED) ? r.status : Registrant.DENIED;
                        default -> Registrant.CANCELLED;
                    });
        }
    }

    /** {@code GET /v2/meetings/{id}/livestream}. */
    public synchronized ObjectNode livestream(Kind kind, String id) {
        Meeting meeting = require(kind, id);
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("stream_url", meeting.streamUrl);
        answer.put("stream_key", meeting.streamKey);
        answer.put("page_url", meeting.pageUrl);
        answer.put("resolution", meeting.resolution);
        return answer;
    }

    /** {@code PATCH /v2/meetings/{id}/livestream}: stream URL, key and page URL; 204. */
    public synchronized void updateLivestream(Kind kind, String id, JsonNode body) {
        Meeting meeting = require(kind, id);
        ObjectNode object = MeetingRequests.requireObject(body);
        List<FieldError> errors = new ArrayList<>();
        for (String field : List.of("stream_url", "stream_key", "page_url")) {
            if (!object.path(field).isString() || object.path(field).asString().isBlank()) {
                errors.add(new FieldError(field, "Invalid field."));
            }
        }
        if (!errors.isEmpty()) {
            throw ZoomApiException.validation(errors);
        }
        meeting.streamUrl = object.path("stream_url").asString();
        meeting.streamKey = object.path("stream_key").asString();
        meeting.pageUrl = object.path("page_url").asString();
        if (object.path("resolution").isString()) {
            meeting.resolution = object.path("resolution").asString();
        }
    }

    /** {@code PATCH /v2/meetings/{id}/livestream/status}: {@code action} start or stop; 204, and its webhook. */
    public synchronized void updateLivestreamStatus(Kind kind, String id, JsonNode body) {
        Meeting meeting = require(kind, id);
        String action = MeetingRequests.requireObject(body).path("action").asString("");
        switch (action) {
            case "start" -> startStreaming(meeting, true);
            case "stop" -> stopStreaming(meeting, true);
            default -> throw ZoomApiException.validation(List.of(new FieldError("action", "Invalid field.")));
        }
    }

    // ------------------------------------------------------------------------------------------- admin API

    public synchronized List<Snapshots.Meeting> all() {
        return meetings.values().stream().map(this::snapshot).toList();
    }

    public synchronized Snapshots.Meeting snapshot(long id) {
        return snapshot(requireForAdmin(id, true));
    }

    /** The host starts the meeting (optionally with a {@code start_url}, which must be one handed out and unexpired). */
    public synchronized Snapshots.Happened<Snapshots.Meeting> start(long id, String startUrl) {
        Meeting meeting = requireForAdmin(id, false);
        if (meeting.live()) {
            throw EmulatorException.conflict(meeting.kind.word() + " " + id + " is already running");
        }
        if (startUrl != null && !startUrl.isBlank()) {
            String problem = checkStartUrl(meeting, startUrl);
            if (problem != null) {
                throw EmulatorException.conflict(problem);
            }
        }
        Optional<Meeting> other = meetings.values().stream()
                .filter(m -> m.live() && !m.deleted && m.host.id().equals(meeting.host.id())).findFirst();
        if (other.isPresent()) {
            throw EmulatorException.conflict("Host " + meeting.host.email() + " is already hosting "
                    + other.get().kind.word() + " " + other.get().id + "; Zoom runs one meeting per host at a time");
        }
        meeting.liveSince = clock.now();
        meeting.timesStarted++;
        List<Snapshots.Event> events = new ArrayList<>();
        publish(events, meeting, "started", MeetingEvents.started(properties.accountId(), meeting));
        return new Snapshots.Happened<>(snapshot(meeting), events);
    }

    /** The meeting ends: everyone still in leaves, live streaming stops, then {@code *.ended}. */
    public synchronized Snapshots.Happened<Snapshots.Meeting> end(long id) {
        Meeting meeting = requireForAdmin(id, false);
        if (!meeting.live()) {
            throw EmulatorException.conflict(meeting.kind.word() + " " + id + " is not running");
        }
        Instant now = clock.now();
        List<Snapshots.Event> events = new ArrayList<>();
        for (Participant participant : meeting.participants.values()) {
            if (participant.present()) {
                participant.leaveTime = now;
                publish(events, meeting, "participant_left", MeetingEvents.participantLeft(properties.accountId(),
                        meeting, participant, "left the meeting. Reason : Host ended the meeting."));
            }
        }
        if (meeting.streaming) {
            meeting.streaming = false;
            publish(events, meeting, "live_streaming_stopped",
                    MeetingEvents.liveStreaming(properties.accountId(), meeting, now));
        }
        publish(events, meeting, "ended", MeetingEvents.ended(properties.accountId(), meeting, now));
        meeting.liveSince = null;
        return new Snapshots.Happened<>(snapshot(meeting), events);
    }

    /** Someone joins the running meeting; with registration on, only an approved registrant, once at a time. */
    public synchronized Snapshots.Happened<Snapshots.Participant> join(long id, Join join) {
        Meeting meeting = requireForAdmin(id, false);
        if (!meeting.live()) {
            throw EmulatorException.conflict(meeting.kind.word() + " " + id + " has not started: start it first"
                    + " (POST /emulator/meetings/" + id + "/start)");
        }
        Registrant registrant = null;
        if (join.joinUrl() != null && !join.joinUrl().isBlank()) {
            String token = UriComponentsBuilder.fromUriString(join.joinUrl().trim()).build().getQueryParams()
                    .getFirst("tk");
            if (token != null) {
                registrant = meeting.registrants.values().stream().filter(r -> r.token.equals(token)).findFirst()
                        .orElseThrow(() -> EmulatorException.notFound("No registrant of " + meeting.kind.word() + " "
                                + id + " has this join link"));
            } else if (!join.joinUrl().trim().equals(meeting.joinUrl)) {
                throw EmulatorException.notFound("This is no join link of " + meeting.kind.word() + " " + id);
            }
        } else if (join.registrantId() != null && !join.registrantId().isBlank()) {
            registrant = Optional.ofNullable(meeting.registrants.get(join.registrantId().trim())).orElseThrow(
                    () -> EmulatorException.notFound("No registrant " + join.registrantId() + " in " + id));
        }
        String name;
        String email;
        if (registrant != null) {
            if (!registrant.status.equals(Registrant.APPROVED)) {
                throw EmulatorException.conflict("Registrant " + registrant.id + " is " + registrant.status
                        + "; only approved registrants can join");
            }
            String registrantId = registrant.id;
            if (meeting.participants.values().stream()
                    .anyMatch(p -> p.present() && registrantId.equals(p.registrantId))) {
                throw EmulatorException.conflict("Registrant " + registrantId + " is already in the meeting; a"
                        + " personal join link admits one device at a time");
            }
            name = (registrant.firstName + " " + (registrant.lastName == null ? "" : registrant.lastName)).trim();
            email = registrant.email;
        } else {
            if (meeting.requiresRegistration()) {
                throw EmulatorException.conflict(meeting.kind.word() + " " + id + " requires registration: join"
                        + " with a registrant's join link or id");
            }
            if (join.name() == null || join.name().isBlank()) {
                throw new EmulatorException(400, "A participant without registration needs a name");
            }
            name = join.name().trim();
            email = join.email() == null ? "" : join.email().trim();
        }
        Participant participant = new Participant(UUID.randomUUID().toString().toUpperCase(Locale.ROOT),
                Long.toString(nextParticipantUserId++), name, email, registrant == null ? null : registrant.id,
                clock.now());
        meeting.participants.put(participant.participantUuid, participant);
        List<Snapshots.Event> events = new ArrayList<>();
        publish(events, meeting, "participant_joined",
                MeetingEvents.participantJoined(properties.accountId(), meeting, participant));
        return new Snapshots.Happened<>(snapshot(participant), events);
    }

    /** A participant leaves. */
    public synchronized Snapshots.Happened<Snapshots.Participant> leave(long id, String participantUuid) {
        Meeting meeting = requireForAdmin(id, false);
        Participant participant = meeting.participants.get(participantUuid);
        if (participant == null) {
            throw EmulatorException.notFound("No participant " + participantUuid + " in " + id);
        }
        if (!participant.present()) {
            throw EmulatorException.conflict("Participant " + participantUuid + " has already left");
        }
        participant.leaveTime = clock.now();
        List<Snapshots.Event> events = new ArrayList<>();
        publish(events, meeting, "participant_left", MeetingEvents.participantLeft(properties.accountId(), meeting,
                participant, "left the meeting. Reason : left the meeting by themselves."));
        return new Snapshots.Happened<>(snapshot(participant), events);
    }

    /**
     * The host deletes the meeting in Zoom's web portal, behind the platform's back: later calls about it answer 404
     * (3001). Zoom announces it with {@code *.deleted} unless {@code notify} is false (an app not subscribed to the
     * event, or a notification that never arrives). Refused while it runs, as Zoom does.
     */
    public synchronized Snapshots.Happened<Snapshots.Meeting> deleteByHost(long id, boolean notify) {
        Meeting meeting = requireForAdmin(id, false);
        if (meeting.live()) {
            throw EmulatorException.conflict(meeting.kind.word() + " " + id + " is running; Zoom does not delete a"
                    + " running " + meeting.kind.word());
        }
        meeting.deleted = true;
        List<Snapshots.Event> events = new ArrayList<>();
        if (notify) {
            publish(events, meeting, "deleted", MeetingEvents.deleted(properties.accountId(), meeting));
        }
        return new Snapshots.Happened<>(snapshot(meeting), events);
    }

    /** Starts or stops live streaming as the host would in the client. */
    public synchronized Snapshots.Happened<Snapshots.Meeting> streaming(long id, boolean start) {
        Meeting meeting = requireForAdmin(id, false);
        List<Snapshots.Event> events = start ? startStreaming(meeting, false) : stopStreaming(meeting, false);
        return new Snapshots.Happened<>(snapshot(meeting), events);
    }

    public synchronized void reset() {
        meetings.clear();
        startTokens.clear();
        nextParticipantUserId = FIRST_PARTICIPANT_USER_ID;
    }

    // ------------------------------------------------------------------------------------------- inside

    private List<Snapshots.Event> startStreaming(Meeting meeting, boolean viaApi) {
        if (!meeting.streamConfigured()) {
            throw refusal(viaApi, 300, "Live stream settings are not configured: PATCH /v2/" + meeting.kind.word()
                    + "s/" + meeting.id + "/livestream first.");
        }
        if (!meeting.live()) {
            throw refusal(viaApi, 3008, "Meeting has not started.");
        }
        if (meeting.streaming) {
            throw refusal(viaApi, 300, "The " + meeting.kind.word() + " is already being live streamed.");
        }
        meeting.streaming = true;
        List<Snapshots.Event> events = new ArrayList<>();
        publish(events, meeting, "live_streaming_started",
                MeetingEvents.liveStreaming(properties.accountId(), meeting, clock.now()));
        return events;
    }

    private List<Snapshots.Event> stopStreaming(Meeting meeting, boolean viaApi) {
        if (!meeting.streaming) {
            throw refusal(viaApi, 300, "The " + meeting.kind.word() + " is not being live streamed.");
        }
        meeting.streaming = false;
        List<Snapshots.Event> events = new ArrayList<>();
        publish(events, meeting, "live_streaming_stopped",
                MeetingEvents.liveStreaming(properties.accountId(), meeting, clock.now()));
        return events;
    }

    /** Through Zoom's API a refusal is Zoom's 400 with a code; through the admin API a 409. */
    private static RuntimeException refusal(boolean viaApi, int code, String message) {
        return viaApi ? new ZoomApiException(400, code, message) : EmulatorException.conflict(message);
    }

    private void publish(List<Snapshots.Event> events, Meeting meeting, String what, ObjectNode payload) {
        WebhookEvent event = webhooks.publish(MeetingEvents.name(meeting, what), payload, meeting.id);
        events.add(new Snapshots.Event(event.id(), event.event()));
    }

    /** The meeting a path names, as Zoom finds it: 404 (3001) when unknown or deleted, 400 (3000) for a webinar id. */
    private Meeting require(Kind kind, String id) {
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ZoomApiException.notFound(kind == Kind.WEBINAR, id);
        }
        Meeting meeting = meetings.get(number);
        if (meeting == null || meeting.deleted) {
            throw ZoomApiException.notFound(kind == Kind.WEBINAR, id);
        }
        if (meeting.kind != kind) {
            throw kind == Kind.MEETING ? ZoomApiException.isAWebinar() : ZoomApiException.notFound(true, id);
        }
        return meeting;
    }

    private Meeting requireRegistration(Kind kind, String id) {
        Meeting meeting = require(kind, id);
        if (!meeting.requiresRegistration()) {
            throw new ZoomApiException(400, 404, "This " + kind.word() + " has not registration required: " + id
                    + ".");
        }
        return meeting;
    }

    private Meeting requireForAdmin(long id, boolean deletedToo) {
        Meeting meeting = meetings.get(id);
        if (meeting == null || (meeting.deleted && !deletedToo)) {
            throw EmulatorException.notFound("No meeting or webinar " + id + (meeting == null ? "" : " (deleted)"));
        }
        return meeting;
    }

    /** Zoom refuses the host (and alternative hosts) as registrants of their own meeting: 400, code 3027. */
    private static void refuseHosts(Meeting meeting, List<MeetingRequests.NewRegistrant> wanted) {
        List<String> hosts = new ArrayList<>(MeetingRequests.alternativeHosts(meeting.settings));
        hosts.add(meeting.host.email());
        for (MeetingRequests.NewRegistrant registrant : wanted) {
            if (hosts.stream().anyMatch(host -> host.equalsIgnoreCase(registrant.email()))) {
                throw new ZoomApiException(400, 3027, "Host can not register");
            }
        }
    }

    /** The same person may be registered for a meeting at most three times a day: 400, code 3000, on the fourth. */
    private void countRegistrations(Meeting meeting, List<MeetingRequests.NewRegistrant> wanted) {
        String today = clock.today().toString();
        meeting.registrationsToday.keySet().removeIf(key -> !key.endsWith("/" + today));
        for (MeetingRequests.NewRegistrant registrant : wanted) {
            String key = registrant.email().toLowerCase(Locale.ROOT) + "/" + today;
            if (meeting.registrationsToday.getOrDefault(key, 0) >= REGISTRATIONS_PER_DAY) {
                throw new ZoomApiException(400, 3000, "You have reached the limit for the number of attendees you"
                        + " can add. Contact Zoom Support for more information.");
            }
        }
        for (MeetingRequests.NewRegistrant registrant : wanted) {
            meeting.registrationsToday.merge(registrant.email().toLowerCase(Locale.ROOT) + "/" + today, 1,
                    Integer::sum);
        }
    }

    /** Registers a person, or answers their existing registration when they are registered already. */
    private Registrant register(Meeting meeting, MeetingRequests.NewRegistrant wanted, boolean autoApprove,
            String base) {
        String email = wanted.email().toLowerCase(Locale.ROOT);
        boolean approve = meeting.approvalType() == 0 || autoApprove;
        Optional<Registrant> existing = meeting.registrants.values().stream()
                .filter(r -> r.email.equals(email) && r.active()).findFirst();
        if (existing.isPresent()) {
            Registrant registrant = existing.get();
            if (approve) {
                registrant.status = Registrant.APPROVED;
            }
            return registrant;
        }
        String token = randomToken(32);
        String registrantId = randomToken(16);
        Registrant registrant = new Registrant(registrantId, email, token,
                base + "/w/" + meeting.id + "?tk=" + token, clock.now());
        registrant.firstName = wanted.firstName();
        registrant.lastName = wanted.lastName();
        registrant.language = wanted.language();
        registrant.status = approve ? Registrant.APPROVED : Registrant.PENDING;
        meeting.registrants.put(registrantId, registrant);
        return registrant;
    }

    private String checkStartUrl(Meeting meeting, String startUrl) {
        String token = UriComponentsBuilder.fromUriString(startUrl.trim()).build().getQueryParams().getFirst("zak");
        StartToken known = token == null ? null : startTokens.get(token);
        if (known == null || known.meetingId() != meeting.id) {
            return "This start_url was not handed out for " + meeting.kind.word() + " " + meeting.id;
        }
        if (!clock.now().isBefore(known.expires())) {
            return "This start_url expired at " + known.expires() + "; GET the " + meeting.kind.word()
                    + " for a fresh one";
        }
        return null;
    }

    private ObjectNode view(Meeting meeting, String base) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("uuid", meeting.uuid);
        node.put("id", meeting.id);
        node.put("host_id", meeting.host.id());
        node.put("host_email", meeting.host.email());
        node.put("topic", meeting.topic);
        node.put("type", meeting.type);
        node.put("status", meeting.live() ? "started" : "waiting");
        node.put("start_time", ZoomTime.format(meeting.startTime));
        node.put("duration", meeting.duration);
        node.put("timezone", meeting.timezone);
        node.put("agenda", meeting.agenda);
        node.put("created_at", ZoomTime.format(meeting.createdAt));
        node.put("start_url", startUrl(meeting, base));
        node.put("join_url", meeting.joinUrl);
        if (meeting.requiresRegistration()) {
            node.put("registration_url", meeting.registrationUrl);
        }
        node.put("password", meeting.password);
        node.put("pre_schedule", false);
        node.set("settings", meeting.settings.deepCopy());
        return node;
    }

    /** A fresh host link, valid for {@code emulator.start-url-lifetime}. */
    private String startUrl(Meeting meeting, String base) {
        Instant now = clock.now();
        // Expired links stay known for a day, so that using one is told apart from using a made-up one.
        startTokens.values().removeIf(token -> token.expires().isBefore(now.minus(Duration.ofDays(1))));
        String token = randomToken(32);
        startTokens.put(token, new StartToken(meeting.id, now.plus(properties.startUrlLifetime())));
        return base + "/s/" + meeting.id + "?zak=" + token;
    }

    private Snapshots.Meeting snapshot(Meeting meeting) {
        Map<String, Integer> byStatus = new TreeMap<>();
        meeting.registrants.values().forEach(r -> byStatus.merge(r.status, 1, Integer::sum));
        return new Snapshots.Meeting(meeting.id, meeting.uuid, meeting.kind.word(), meeting.type, meeting.topic,
                meeting.host.id(), meeting.host.email(), meeting.startTime, meeting.duration, meeting.timezone,
                meeting.joinUrl, meeting.requiresRegistration() ? meeting.registrationUrl : null,
                meeting.settings.deepCopy(), meeting.deleted, meeting.live(), meeting.timesStarted,
                new Snapshots.Livestream(meeting.streamUrl, meeting.streamKey, meeting.pageUrl, meeting.resolution,
                        meeting.streaming),
                meeting.registrants.values().stream().map(MeetingBook::snapshot).toList(), byStatus,
                meeting.participants.values().stream().map(MeetingBook::snapshot).toList(), meeting.updates,
                interpretation(meeting.settings));
    }

    /** The meeting's interpretation settings, as the admin API shows them. */
    static Snapshots.Interpretation interpretation(ObjectNode settings) {
        JsonNode spoken = settings.path("language_interpretation");
        JsonNode sign = settings.path("sign_language_interpretation");
        List<Snapshots.Interpreter> interpreters = new ArrayList<>();
        for (JsonNode interpreter : spoken.path("interpreters")) {
            interpreters.add(new Snapshots.Interpreter(interpreter.path("email").asString(""),
                    interpreter.path("languages").asString("")));
        }
        List<Snapshots.SignInterpreter> signers = new ArrayList<>();
        for (JsonNode interpreter : sign.path("interpreters")) {
            signers.add(new Snapshots.SignInterpreter(interpreter.path("email").asString(""),
                    interpreter.path("sign_language").asString("")));
        }
        return new Snapshots.Interpretation(spoken.path("enable").asBoolean(false), interpreters,
                sign.path("enable").asBoolean(false), signers);
    }

    private static Snapshots.Registrant snapshot(Registrant r) {
        return new Snapshots.Registrant(r.id, r.email, r.firstName, r.lastName, r.language, r.status, r.joinUrl,
                r.createdAt);
    }

    private static Snapshots.Participant snapshot(Participant p) {
        return new Snapshots.Participant(p.participantUuid, p.userId, p.userName, p.email, p.registrantId,
                p.joinTime, p.leaveTime);
    }

    private long newMeetingId() {
        long id;
        do {
            id = ThreadLocalRandom.current().nextLong(81_000_000_000L, 99_999_999_999L);
        } while (meetings.containsKey(id));
        return id;
    }

    private String uuid() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private String randomToken(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }

    private static String pageToken(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int pageOffset(String token) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith("offset:")) {
                return Integer.parseInt(decoded.substring(7));
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ZoomApiException.badRequest("The next page token is invalid or expired.");
    }
}
