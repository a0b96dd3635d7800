package dev.hybridconf.streaming.board;

import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Streaming staff's actions on one session: a fresh host link (audited) and its live stream. */
@RestController
@RequestMapping("/api/streaming/sessions/{sessionId}")
class SessionStreamingController {

    private final HostLinks hostLinks;
    private final LiveStreams liveStreams;

    SessionStreamingController(HostLinks hostLinks, LiveStreams liveStreams) {
        this.hostLinks = hostLinks;
        this.liveStreams = liveStreams;
    }

    /** Asks Zoom for a fresh start link; streaming staff only, recorded with who asked. Never cached. */
    @PostMapping("/host-link")
    @PreAuthorize("hasRole('streaming-staff')")
    ResponseEntity<HostLinks.HostLink> hostLink(@PathVariable String sessionId, Authentication caller) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(hostLinks.issue(sessionId, who(caller)));
    }

    @GetMapping("/host-link/audit")
    @PreAuthorize("hasAnyRole('streaming-staff', 'organiser')")
    List<HostLinks.AuditEntry> hostLinkAudit(@PathVariable String sessionId,
            @RequestParam(defaultValue = "100") int limit) {
        return hostLinks.audit(sessionId, Math.max(1, Math.min(limit, 1000)));
    }

    @GetMapping("/livestream")
    @PreAuthorize("hasAnyRole('streaming-staff', 'organiser')")
    LiveStreams.State liveStream(@PathVariable String sessionId) {
        return liveStreams.state(sessionId);
    }

    @PutMapping("/livestream")
    @PreAuthorize("hasRole('streaming-staff')")
    LiveStreams.State configureLiveStream(@PathVariable String sessionId, @RequestBody LiveStreams.Settings settings,
            Authentication caller) {
        return liveStreams.configure(sessionId, settings, who(caller));
    }

    @PostMapping("/livestream/start")
    @PreAuthorize("hasRole('streaming-staff')")
    LiveStreams.State startLiveStream(@PathVariable String sessionId, Authentication caller) {
        return liveStreams.start(sessionId, who(caller), "HybridConf");
    }

    @PostMapping("/livestream/stop")
    @PreAuthorize("hasRole('streaming-staff')")
    LiveStreams.State stopLiveStream(@PathVariable String sessionId, Authentication caller) {
        return liveStreams.stop(sessionId, who(caller));
    }

    private static String who(Authentication caller) {
        return caller.getPrincipal() instanceof Jwt jwt ? jwt.getSubject() : caller.getName();
    }
}
