package dev.hybridconf.streaming.join;

import java.time.Duration;
import java.time.Instant;

import org.springframework.http.HttpStatus;

import dev.hybridconf.kit.errors.ProblemException;

/**
 * Why a participant cannot have their join link now. The {@link #outcome()} tags the join timer;
 * {@link #opensAt()} and {@link #retryAfter()} become a property and a header of the problem.
 */
public final class JoinProblem extends ProblemException {

    private final String outcome;
    private final transient Instant opensAt;

    private JoinProblem(HttpStatus status, String slug, String key, Instant opensAt, Duration retryAfter,
            Object... arguments) {
        super(retryAfter, status, slug, key, arguments);
        this.outcome = slug;
        this.opensAt = opensAt;
    }

    /** Unknown session, or one without a Zoom meeting (breaks, in-person only, cancelled). */
    public static JoinProblem unknownSession() {
        return new JoinProblem(HttpStatus.NOT_FOUND, "not-found", "join.session-not-found", null, null);
    }

    /** Not an approved remote participant, or a breakout they hold no place in. */
    public static JoinProblem notEnrolled() {
        return new JoinProblem(HttpStatus.FORBIDDEN, "not-enrolled", "join.not-enrolled", null, null);
    }

    public static JoinProblem notOpen(Instant opensAt) {
        return new JoinProblem(HttpStatus.valueOf(425), "join-not-open", "join.not-open", opensAt, null,
                opensAt.toString());
    }

    public static JoinProblem closed(Instant end) {
        return new JoinProblem(HttpStatus.GONE, "join-closed", "join.closed", null, null, end.toString());
    }

    /** The meeting is not provisioned yet, or the participant's registration in it is not synchronised yet. */
    public static JoinProblem notReady(Duration retryAfter) {
        return new JoinProblem(HttpStatus.SERVICE_UNAVAILABLE, "join-not-ready", "join.not-ready", null, retryAfter);
    }

    public String outcome() {
        return outcome;
    }

    public Instant opensAt() {
        return opensAt;
    }

}
