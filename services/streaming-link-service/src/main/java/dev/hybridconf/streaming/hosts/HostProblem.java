package dev.hybridconf.streaming.hosts;

import org.springframework.http.HttpStatus;

import dev.hybridconf.kit.errors.ProblemException;

/** The host pool's answers to requests it cannot follow, as problem details in the caller's language. */
public final class HostProblem extends ProblemException {

    private HostProblem(HttpStatus status, String slug, String messageKey, Object... arguments) {
        super(status, slug, messageKey, arguments);
    }

    static HostProblem userIdInvalid() {
        return new HostProblem(HttpStatus.BAD_REQUEST, "host-user-id-invalid", "host.user-id-invalid");
    }

    static HostProblem unknownAtZoom(String userId) {
        return new HostProblem(HttpStatus.UNPROCESSABLE_CONTENT, "zoom-user-unknown", "host.user-unknown", userId);
    }

    static HostProblem notLicensed(String userId) {
        return new HostProblem(HttpStatus.UNPROCESSABLE_CONTENT, "zoom-user-not-licensed", "host.user-not-licensed",
                userId);
    }

    static HostProblem zoomUnavailable() {
        return new HostProblem(HttpStatus.SERVICE_UNAVAILABLE, "zoom-unavailable", "host.zoom-unavailable");
    }

    static HostProblem zoomRefused(String userId) {
        return new HostProblem(HttpStatus.BAD_GATEWAY, "zoom-refused", "host.zoom-refused", userId);
    }

    static HostProblem notFound(String userId) {
        return new HostProblem(HttpStatus.NOT_FOUND, "not-found", "host.not-found", userId);
    }

    static HostProblem hasSessions(String userId, long upcoming) {
        return new HostProblem(HttpStatus.CONFLICT, "host-has-sessions", "host.has-sessions", userId, upcoming);
    }

    static HostProblem dayMissing() {
        return new HostProblem(HttpStatus.BAD_REQUEST, "day-invalid", "host.plan.day-missing");
    }

    static HostProblem dayInvalid(String day) {
        return new HostProblem(HttpStatus.BAD_REQUEST, "day-invalid", "host.plan.day-invalid", day);
    }
}
