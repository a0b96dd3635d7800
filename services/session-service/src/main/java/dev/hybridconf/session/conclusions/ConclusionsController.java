package dev.hybridconf.session.conclusions;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/**
 * A breakout's conclusions: its moderators (and organisers) post and revise them, any signed-in
 * participant reads them, their history and when they lock; organisers unlock and lock them, set when
 * they lock, and clear that setting.
 */
@RestController
@RequestMapping("/api/sessions/{sessionId}/conclusions")
class ConclusionsController {

    private final Conclusions conclusions;

    ConclusionsController(Conclusions conclusions) {
        this.conclusions = conclusions;
    }

    @PutMapping
    ConclusionsView post(@PathVariable UUID sessionId, @RequestBody(required = false) JsonNode body,
            Authentication caller) {
        return conclusions.post(sessionId.toString(), body, caller(caller));
    }

    @GetMapping
    ConclusionsView current(@PathVariable UUID sessionId) {
        return conclusions.current(sessionId.toString());
    }

    @GetMapping("/revisions")
    ConclusionsView.History revisions(@PathVariable UUID sessionId) {
        return conclusions.history(sessionId.toString());
    }

    @GetMapping("/lock")
    ConclusionsView.LockView lockState(@PathVariable UUID sessionId) {
        return conclusions.lockState(sessionId.toString());
    }

    /** Opens them again: {@code {"relockAt": "2024-11-07T19:00:00+01:00"}} (optional) locks them again then. */
    @PostMapping("/unlock")
    @PreAuthorize("hasRole('organiser')")
    ConclusionsView.LockView unlock(@PathVariable UUID sessionId, @RequestBody(required = false) JsonNode body,
            Authentication caller) {
        return conclusions.unlock(sessionId.toString(), body, caller(caller));
    }

    @PostMapping("/lock")
    @PreAuthorize("hasRole('organiser')")
    ConclusionsView.LockView lock(@PathVariable UUID sessionId, Authentication caller) {
        return conclusions.lock(sessionId.toString(), caller(caller));
    }

    /** Sets when they lock: {@code {"lockAt": "2024-11-07T19:00:00+01:00"}}, in the future, not before the breakout ends. */
    @PutMapping("/lock")
    @PreAuthorize("hasRole('organiser')")
    ConclusionsView.LockView lockAt(@PathVariable UUID sessionId, @RequestBody(required = false) JsonNode body,
            Authentication caller) {
        return conclusions.lockAt(sessionId.toString(), body, caller(caller));
    }

    /** Clears the organisers' setting for this breakout (a lock, an unlock or a time): the default rule applies again. */
    @DeleteMapping("/lock")
    @PreAuthorize("hasRole('organiser')")
    ConclusionsView.LockView clear(@PathVariable UUID sessionId, Authentication caller) {
        return conclusions.clear(sessionId.toString(), caller(caller));
    }

    static Conclusions.Caller caller(Authentication authentication) {
        String subject = authentication.getPrincipal() instanceof Jwt jwt ? jwt.getSubject() : authentication.getName();
        boolean organiser = authentication.getAuthorities().stream()
                .anyMatch(a -> "ROLE_organiser".equals(a.getAuthority()));
        return new Conclusions.Caller(subject, organiser);
    }
}
