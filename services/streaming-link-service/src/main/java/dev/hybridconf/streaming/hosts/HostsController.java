package dev.hybridconf.streaming.hosts;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.streaming.zoom.ZoomClient;
import tools.jackson.databind.JsonNode;

/**
 * The host pool for streaming staff (organisers may read): register a licensed Zoom host user, list the pool with
 * each host's remaining daily writes and sessions, remove a host without upcoming sessions, and the day's plan.
 */
@RestController
@RequestMapping("/api/streaming/hosts")
class HostsController {

    private final HostPool pool;
    private final HostRegistration registration;
    private final HostPlan plan;
    private final ZoomClient zoom;

    HostsController(HostPool pool, HostRegistration registration, HostPlan plan, ZoomClient zoom) {
        this.pool = pool;
        this.registration = registration;
        this.plan = plan;
        this.zoom = zoom;
    }

    /** {@code userId} is read as JSON, so that a number or a boolean is refused rather than turned into text. */
    record HostRequest(JsonNode userId, Boolean webinarLicence) {

        String userIdText() {
            return userId != null && userId.isString() ? userId.asString() : null;
        }
    }

    record HostView(String userId, String zoomUserId, boolean webinarLicence, int remainingDailyWrites,
            List<HostPool.Assignment> assignedSessions, String addedAt, String addedBy) {
    }

    @PostMapping
    @PreAuthorize("hasRole('streaming-staff')")
    ResponseEntity<HostView> register(@RequestBody(required = false) HostRequest request,
            Authentication caller) {
        HostRegistration.Registered registered = registration.register(request == null ? null : request.userIdText(),
                request == null ? null : request.webinarLicence(), caller.getName());
        return ResponseEntity.status(registered.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(view(registered.host()));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('streaming-staff', 'organiser')")
    List<HostView> list() {
        return pool.all().stream().map(this::view).toList();
    }

    @DeleteMapping("/{userId}")
    @PreAuthorize("hasRole('streaming-staff')")
    ResponseEntity<Void> remove(@PathVariable String userId) {
        if (!HostRegistration.USER_ID.matcher(userId).matches()) {
            throw HostProblem.userIdInvalid();
        }
        long answer = pool.remove(userId);
        if (answer < 0) {
            throw HostProblem.notFound(userId);
        }
        if (answer > 0) {
            throw HostProblem.hasSessions(userId, answer);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/plan")
    @PreAuthorize("hasAnyRole('streaming-staff', 'organiser')")
    HostPlan.Plan plan(@RequestParam(required = false) String day) {
        if (day == null || day.isBlank()) {
            throw HostProblem.dayMissing();
        }
        LocalDate date;
        try {
            date = LocalDate.parse(day.trim());
        } catch (DateTimeParseException e) {
            throw HostProblem.dayInvalid(day.length() > 40 ? day.substring(0, 40) : day);
        }
        return plan.of(date);
    }

    private HostView view(Host host) {
        return new HostView(host.userId(), host.zoomUserId(), host.webinarLicence(),
                zoom.remainingDailyWrites(host.userId()), pool.assignments(host), host.addedAt(), host.addedBy());
    }
}
