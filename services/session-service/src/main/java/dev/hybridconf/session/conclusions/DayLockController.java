package dev.hybridconf.session.conclusions;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/**
 * When the conclusions of a conference day's breakouts lock, as an organiser sets it (a breakout's own
 * setting wins over the day's). Any signed-in user reads it; organisers set and clear it.
 */
@RestController
@RequestMapping("/api/sessions/conferences/{conferenceId}/days/{date}/conclusions-lock")
class DayLockController {

    private final Conclusions conclusions;

    DayLockController(Conclusions conclusions) {
        this.conclusions = conclusions;
    }

    @GetMapping
    ConclusionsView.DayLockView get(@PathVariable String conferenceId, @PathVariable String date) {
        return conclusions.dayLock(conferenceId, date);
    }

    /** {@code {"lockAt": "2024-11-07T19:00:00+01:00"}}: in the future, not before the day's last breakout ends. */
    @PutMapping
    @PreAuthorize("hasRole('organiser')")
    ConclusionsView.DayLockView set(@PathVariable String conferenceId, @PathVariable String date,
            @RequestBody(required = false) JsonNode body, Authentication caller) {
        return conclusions.setDayLock(conferenceId, date, body, ConclusionsController.caller(caller));
    }

    @DeleteMapping
    @PreAuthorize("hasRole('organiser')")
    ConclusionsView.DayLockView clear(@PathVariable String conferenceId, @PathVariable String date,
            Authentication caller) {
        return conclusions.clearDayLock(conferenceId, date, ConclusionsController.caller(caller));
    }
}
