package dev.hybridconf.streaming.board;

import java.time.Duration;

import org.springframework.http.HttpStatus;

import dev.hybridconf.kit.errors.ProblemException;
import dev.hybridconf.streaming.zoom.ZoomException;
import dev.hybridconf.streaming.zoom.ZoomNotFoundException;
import dev.hybridconf.streaming.zoom.ZoomRateLimitedException;
import dev.hybridconf.streaming.zoom.ZoomServerException;
import dev.hybridconf.streaming.zoom.ZoomUnavailableException;

/** What the staff board, host links and live-stream endpoints refuse, with a message in en, fr and es. */
final class BoardProblem extends ProblemException {

    private BoardProblem(HttpStatus status, String slug, String key, Object... args) {
        this(null, status, slug, key, args);
    }

    private BoardProblem(Duration retryAfter, HttpStatus status, String slug, String key, Object... args) {
        super(retryAfter, status, slug, key, args);
    }

    /** Zoom lost the session's meeting and a new one is being created: ask again shortly (503, Retry-After). */
    static BoardProblem repairing(String sessionId, Duration retryAfter) {
        return new BoardProblem(retryAfter, HttpStatus.SERVICE_UNAVAILABLE, "meeting-repairing",
                "board.meeting-repairing", sessionId);
    }

    static BoardProblem sessionNotFound(String sessionId) {
        return new BoardProblem(HttpStatus.NOT_FOUND, "session-not-found", "board.session-not-found", sessionId);
    }

    static BoardProblem invalidDay(String day) {
        return new BoardProblem(HttpStatus.BAD_REQUEST, "invalid-day", "board.invalid-day", day);
    }

    static BoardProblem notProvisioned(String sessionId) {
        return new BoardProblem(HttpStatus.CONFLICT, "meeting-not-provisioned", "board.not-provisioned", sessionId);
    }

    static BoardProblem liveStreamNotConfigured(String sessionId) {
        return new BoardProblem(HttpStatus.CONFLICT, "live-stream-not-configured", "board.live-stream-not-configured",
                sessionId);
    }

    /** A Zoom call behind a staff action failed: busy or down (503, try again) or refused (502). */
    static BoardProblem zoom(String sessionId, ZoomException e) {
        if (e instanceof ZoomUnavailableException || e instanceof ZoomRateLimitedException
                || e instanceof ZoomServerException) {
            return new BoardProblem(HttpStatus.SERVICE_UNAVAILABLE, "zoom-unavailable", "board.zoom-unavailable",
                    sessionId);
        }
        if (e instanceof ZoomNotFoundException) {
            return new BoardProblem(HttpStatus.BAD_GATEWAY, "zoom-meeting-missing", "board.zoom-meeting-missing",
                    sessionId);
        }
        if (e.zoomCode().orElse(0) == 3008) {
            return new BoardProblem(HttpStatus.CONFLICT, "meeting-not-started", "board.meeting-not-started", sessionId);
        }
        return new BoardProblem(HttpStatus.BAD_GATEWAY, "zoom-refused", "board.zoom-refused", sessionId,
                e.zoomCode().orElse(e.httpStatus()));
    }
}
