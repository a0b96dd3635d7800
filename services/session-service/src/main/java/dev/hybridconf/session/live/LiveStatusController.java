package dev.hybridconf.session.live;

import java.util.Locale;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.session.live.LiveState.Status;
import tools.jackson.databind.JsonNode;

/** Live status: organisers and streaming staff set it; anyone signed in reads it and what is live now. */
@RestController
@RequestMapping("/api/sessions")
class LiveStatusController {

    private final LiveStatuses live;

    LiveStatusController(LiveStatuses live) {
        this.live = live;
    }

    /** {@code {"status": "LIVE"}} or {@code {"status": "ENDED"}}; the same status again changes nothing. */
    @PostMapping("/{sessionId}/live")
    @PreAuthorize("hasAnyRole('organiser', 'streaming-staff')")
    LiveView change(@PathVariable UUID sessionId, @RequestBody(required = false) JsonNode body) {
        JsonNode status = body == null ? null : body.get("status");
        Status target = null;
        if (status != null && status.isString()) {
            String given = status.asString().trim().toUpperCase(Locale.ROOT);
            if (given.equals("LIVE") || given.equals("ENDED")) {
                target = Status.valueOf(given);
            }
        }
        if (target == null) {
            throw new InvalidLiveStatusException();
        }
        return live.request(sessionId.toString(), target);
    }

    @GetMapping("/{sessionId}/live")
    LiveView status(@PathVariable UUID sessionId) {
        return live.view(sessionId.toString());
    }

    @GetMapping("/conferences/{conferenceId}/live")
    LiveNowView liveNow(@PathVariable String conferenceId, @RequestParam(required = false) String tz) {
        return live.liveNow(conferenceId, tz);
    }
}
