package dev.hybridconf.zoomemulator.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.zoomemulator.EmulatorClock;
import dev.hybridconf.zoomemulator.EmulatorException;
import dev.hybridconf.zoomemulator.EmulatorProperties;
import dev.hybridconf.zoomemulator.faults.CallLog;
import dev.hybridconf.zoomemulator.faults.FaultRule;
import dev.hybridconf.zoomemulator.faults.Faults;
import dev.hybridconf.zoomemulator.gate.Limits;
import dev.hybridconf.zoomemulator.gate.RateLimitHeaders;
import dev.hybridconf.zoomemulator.meetings.MeetingBook;
import dev.hybridconf.zoomemulator.meetings.Snapshots;
import dev.hybridconf.zoomemulator.oauth.AccessTokens;
import dev.hybridconf.zoomemulator.users.HostUser;
import dev.hybridconf.zoomemulator.users.HostUsers;
import dev.hybridconf.zoomemulator.webhooks.UrlValidation;
import dev.hybridconf.zoomemulator.webhooks.WebhookDispatcher;
import dev.hybridconf.zoomemulator.webhooks.WebhookEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The admin API. Errors are problem details ({@link AdminErrors}). */
@RestController
@RequestMapping("/emulator")
class AdminController {

    private final EmulatorProperties properties;
    private final HostUsers users;
    private final MeetingBook book;
    private final CallLog calls;
    private final Faults faults;
    private final Limits limits;
    private final EmulatorClock clock;
    private final AccessTokens tokens;
    private final WebhookDispatcher webhooks;
    private final JsonMapper json;

    AdminController(EmulatorProperties properties, HostUsers users, MeetingBook book, CallLog calls, Faults faults,
            Limits limits, EmulatorClock clock, AccessTokens tokens, WebhookDispatcher webhooks, JsonMapper json) {
        this.properties = properties;
        this.users = users;
        this.book = book;
        this.calls = calls;
        this.faults = faults;
        this.limits = limits;
        this.clock = clock;
        this.tokens = tokens;
        this.webhooks = webhooks;
        this.json = json;
    }

    /** What the emulator is set up as, and what it holds. */
    record Summary(String accountId, String clientId, int hostUsers, int meetings, List<String> webhookUrls,
            EmulatorProperties.Limits limits, int faultRules, Instant now, long clockOffsetSeconds) {
    }

    @GetMapping
    Summary summary() {
        return new Summary(properties.accountId(), properties.clientId(), users.all().size(), book.all().size(),
                webhooks.targets().urls(), limits.current(), faults.rules().size(), clock.now(),
                clock.offset().toSeconds());
    }

    /** Back to the state at start: configured users, limits, faults and webhook targets; nothing else. */
    @PostMapping("/reset")
    ResponseEntity<Void> reset() {
        book.reset();
        users.reset();
        limits.reset();
        faults.reset();
        calls.reset();
        tokens.revokeAll();
        webhooks.reset();
        clock.reset();
        return ResponseEntity.noContent().build();
    }

    // ------------------------------------------------------------------------------------------- users

    record NewUser(String email, String firstName, String lastName, Boolean webinarLicence) {
    }

    @GetMapping("/users")
    List<HostUser> users() {
        return users.all();
    }

    @PostMapping("/users")
    ResponseEntity<HostUser> addUser(@RequestBody NewUser user) {
        if (user.email() == null || !user.email().contains("@")) {
            throw new EmulatorException(400, "A host user needs an e-mail address");
        }
        HostUser added = users.add(HostUser.of(user.email(), orDefault(user.firstName(), "Host"),
                orDefault(user.lastName(), "User"), Boolean.TRUE.equals(user.webinarLicence())));
        return ResponseEntity.status(HttpStatus.CREATED).body(added);
    }

    // ------------------------------------------------------------------------------------------- meetings

    @GetMapping("/meetings")
    List<Snapshots.Meeting> meetings() {
        return book.all();
    }

    @GetMapping("/meetings/{id}")
    Snapshots.Meeting meeting(@PathVariable long id) {
        return book.snapshot(id);
    }

    @GetMapping("/meetings/{id}/registrants")
    List<Snapshots.Registrant> registrants(@PathVariable long id) {
        return book.snapshot(id).registrants();
    }

    record Start(String startUrl) {
    }

    @PostMapping("/meetings/{id}/start")
    Snapshots.Happened<Snapshots.Meeting> start(@PathVariable long id, @RequestBody(required = false) Start start) {
        return book.start(id, start == null ? null : start.startUrl());
    }

    @PostMapping("/meetings/{id}/end")
    Snapshots.Happened<Snapshots.Meeting> end(@PathVariable long id) {
        return book.end(id);
    }

    /** The host deletes the meeting in Zoom's web portal; {@code webhook=false}: no {@code *.deleted} is sent. */
    @DeleteMapping("/meetings/{id}")
    Snapshots.Happened<Snapshots.Meeting> deleteByHost(@PathVariable long id,
            @RequestParam(defaultValue = "true") boolean webhook) {
        return book.deleteByHost(id, webhook);
    }

    @PostMapping("/meetings/{id}/participants")
    ResponseEntity<Snapshots.Happened<Snapshots.Participant>> join(@PathVariable long id,
            @RequestBody MeetingBook.Join join) {
        return ResponseEntity.status(HttpStatus.CREATED).body(book.join(id, join));
    }

    @PostMapping("/meetings/{id}/participants/{participantUuid}/leave")
    Snapshots.Happened<Snapshots.Participant> leave(@PathVariable long id, @PathVariable String participantUuid) {
        return book.leave(id, participantUuid);
    }

    @PostMapping("/meetings/{id}/livestream/{action:start|stop}")
    Snapshots.Happened<Snapshots.Meeting> livestream(@PathVariable long id, @PathVariable String action) {
        return book.streaming(id, action.equals("start"));
    }

    // ------------------------------------------------------------------------------------------- calls

    record Calls(List<CallLog.EndpointCalls> endpoints, List<CallLog.Call> recent) {
    }

    /** Calls per endpoint and the most recent ones; {@code endpoint} (e.g. {@code POST /v2/users/{userId}/meetings}) narrows both. */
    @GetMapping("/calls")
    Calls calls(@RequestParam(required = false) String endpoint) {
        List<CallLog.EndpointCalls> endpoints = calls.endpoints();
        List<CallLog.Call> recent = calls.recent();
        if (endpoint != null && !endpoint.isBlank()) {
            endpoints = endpoints.stream().filter(e -> e.endpoint().equals(endpoint)).toList();
            recent = recent.stream().filter(c -> c.endpoint().equals(endpoint)).toList();
        }
        return new Calls(endpoints, recent);
    }

    // ------------------------------------------------------------------------------------------- faults

    @GetMapping("/faults")
    List<Faults.Active> faults() {
        return faults.rules();
    }

    /** Replaces every fault rule. */
    @PutMapping("/faults")
    List<Faults.Active> setFaults(@RequestBody List<FaultRule> rules) {
        faults.set(rules);
        return faults.rules();
    }

    @DeleteMapping("/faults")
    ResponseEntity<Void> clearFaults() {
        faults.set(List.of());
        return ResponseEntity.noContent().build();
    }

    // ------------------------------------------------------------------------------------------- limits

    /** New limits; what is left out stays as it is. */
    record LimitsChange(Integer light, Integer medium, Integer heavy, Integer dailyMeetingCreateUpdatePerHost,
            RateLimitHeaders headers) {
    }

    @GetMapping("/limits")
    EmulatorProperties.Limits limits() {
        return limits.current();
    }

    @PutMapping("/limits")
    EmulatorProperties.Limits setLimits(@RequestBody LimitsChange change) {
        EmulatorProperties.Limits current = limits.current();
        limits.set(new EmulatorProperties.Limits(orDefault(change.light(), current.light()),
                orDefault(change.medium(), current.medium()), orDefault(change.heavy(), current.heavy()),
                orDefault(change.dailyMeetingCreateUpdatePerHost(), current.dailyMeetingCreateUpdatePerHost()),
                change.headers() != null ? change.headers() : current.headers()));
        return limits.current();
    }

    /** Forgets today's create/update counts, as 00:00 UTC would. */
    @PostMapping("/limits/daily/reset")
    ResponseEntity<Void> resetDaily() {
        limits.resetDailyCounts();
        return ResponseEntity.noContent().build();
    }

    // ------------------------------------------------------------------------------------------- clock, tokens

    record Clock(Instant now, long offsetSeconds) {
    }

    record Advance(Long advanceSeconds) {
    }

    @GetMapping("/clock")
    Clock clock() {
        return new Clock(clock.now(), clock.offset().toSeconds());
    }

    /** Moves Zoom's clock forward (token expiry, start URL expiry, daily caps); webhook signatures keep real time. */
    @PostMapping("/clock")
    Clock advance(@RequestBody Advance advance) {
        if (advance.advanceSeconds() == null) {
            throw new EmulatorException(400, "Say how far to move the clock: {\"advanceSeconds\": n}");
        }
        clock.advance(Duration.ofSeconds(advance.advanceSeconds()));
        return clock();
    }

    /** Every access token stops working, as when the app's client secret is rotated. */
    @PostMapping("/tokens/revoke")
    ResponseEntity<Void> revokeTokens() {
        tokens.revokeAll();
        return ResponseEntity.noContent().build();
    }

    // ------------------------------------------------------------------------------------------- webhooks

    record WebhookSettings(List<String> urls, boolean secretTokenConfigured, Duration timeout,
            List<Duration> retryDelays) {
    }

    record WebhookChange(List<String> urls, String secretToken) {
    }

    @GetMapping("/webhooks")
    WebhookSettings webhooks() {
        return new WebhookSettings(webhooks.targets().urls(), true, properties.webhooks().timeout(),
                webhooks.retryDelays());
    }

    /** New targets or a new secret token; what is left out stays as it is. */
    @PutMapping("/webhooks")
    WebhookSettings setWebhooks(@RequestBody WebhookChange change) {
        WebhookDispatcher.Targets current = webhooks.targets();
        webhooks.setTargets(new WebhookDispatcher.Targets(change.urls() != null ? change.urls() : current.urls(),
                change.secretToken() != null ? change.secretToken() : current.secretToken()));
        return webhooks();
    }

    record DeliveryView(String url, WebhookEvent.State state, List<WebhookEvent.Attempt> attempts) {
    }

    record EventView(String id, String event, Long meetingId, Instant createdAt, JsonNode body,
            List<DeliveryView> deliveries) {
    }

    /** The webhook events sent, oldest first; {@code event} and {@code meetingId} narrow them. */
    @GetMapping("/webhooks/events")
    List<EventView> events(@RequestParam(required = false) String event,
            @RequestParam(required = false) Long meetingId) {
        return webhooks.events().stream()
                .filter(e -> event == null || e.event().equals(event))
                .filter(e -> meetingId == null || meetingId.equals(e.meetingId()))
                .map(this::view).toList();
    }

    @GetMapping("/webhooks/events/{eventId}")
    EventView event(@PathVariable String eventId) {
        return webhooks.find(eventId).map(this::view)
                .orElseThrow(() -> EmulatorException.notFound("No webhook event " + eventId));
    }

    record Resend(Boolean tamper, Long timestampOffsetSeconds) {
    }

    /** Sends an event again now: a replay, a tampered body, or a stale timestamp, for the platform's checks. */
    @PostMapping("/webhooks/events/{eventId}/resend")
    List<WebhookEvent.Attempt> resend(@PathVariable String eventId, @RequestBody(required = false) Resend resend) {
        if (webhooks.find(eventId).isEmpty()) {
            throw EmulatorException.notFound("No webhook event " + eventId);
        }
        boolean tamper = resend != null && Boolean.TRUE.equals(resend.tamper());
        long offset = resend == null || resend.timestampOffsetSeconds() == null ? 0 : resend.timestampOffsetSeconds();
        return webhooks.resend(eventId, tamper, offset);
    }

    record Validate(String url) {
    }

    /** Sends {@code endpoint.url_validation} (to {@code url}, or every configured URL) and judges the answers. */
    @PostMapping("/webhooks/url-validation")
    List<UrlValidation> validate(@RequestBody(required = false) Validate validate) {
        List<UrlValidation> results = webhooks.validate(validate == null ? null : validate.url());
        if (results.isEmpty()) {
            throw EmulatorException.conflict("No webhook URL is configured: PUT /emulator/webhooks {\"urls\": [...]}"
                    + " or give a url");
        }
        return results;
    }

    private EventView view(WebhookEvent event) {
        return new EventView(event.id(), event.event(), event.meetingId(), event.createdAt(),
                json.readTree(event.body()), event.deliveries().stream()
                        .map(d -> new DeliveryView(d.url(), d.state(), d.attempts())).toList());
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
