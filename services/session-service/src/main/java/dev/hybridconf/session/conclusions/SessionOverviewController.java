package dev.hybridconf.session.conclusions;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.kit.errors.NotFoundException;
import dev.hybridconf.session.programme.ProgrammeQueries;
import dev.hybridconf.session.programme.SessionKind;
import dev.hybridconf.session.programme.SessionView;

/**
 * One session as its page shows it: the session (times in the viewer's zone, moderators, live
 * status) with, for a breakout, its current conclusions (when it has some) and when they lock.
 */
@RestController
class SessionOverviewController {

    /**
     * @param conclusions     the current revision, or null (not a breakout, or nothing posted yet)
     * @param conclusionsLock when the breakout's conclusions lock, posted or not (null when not a breakout)
     */
    record SessionOverview(SessionView session, ConclusionsView conclusions, ConclusionsView.LockView conclusionsLock) {
    }

    private final ProgrammeQueries queries;
    private final Conclusions conclusions;

    SessionOverviewController(ProgrammeQueries queries, Conclusions conclusions) {
        this.queries = queries;
        this.conclusions = conclusions;
    }

    @GetMapping("/api/sessions/{sessionId}/overview")
    SessionOverview overview(@PathVariable UUID sessionId, @RequestParam(required = false) String tz) {
        SessionView session = queries.session(sessionId.toString(), tz);
        ConclusionsView current = null;
        ConclusionsView.LockView lock = null;
        if (session.kind() == SessionKind.BREAKOUT) {
            try {
                current = conclusions.current(sessionId.toString());
                lock = current.lock();
            } catch (NotFoundException none) {
                // Nothing posted yet: the page shows the session and when its conclusions lock.
                lock = conclusions.lockState(sessionId.toString());
            }
        }
        return new SessionOverview(session, current, lock);
    }
}
