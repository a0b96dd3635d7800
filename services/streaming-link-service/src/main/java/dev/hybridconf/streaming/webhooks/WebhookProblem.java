package dev.hybridconf.streaming.webhooks;

import java.time.Duration;

import org.springframework.http.HttpStatus;

import dev.hybridconf.kit.errors.ProblemException;

/** The webhook endpoint's refusals, as problem details in the caller's language. */
final class WebhookProblem extends ProblemException {

    private WebhookProblem(HttpStatus status, String slug, String messageKey, Object... arguments) {
        this(null, status, slug, messageKey, arguments);
    }

    private WebhookProblem(Duration retryAfter, HttpStatus status, String slug, String messageKey,
            Object... arguments) {
        super(retryAfter, status, slug, messageKey, arguments);
    }

    static WebhookProblem notConfigured() {
        return new WebhookProblem(HttpStatus.SERVICE_UNAVAILABLE, "webhooks-not-configured", "webhook.not-configured");
    }

    static WebhookProblem badSignature() {
        return new WebhookProblem(HttpStatus.UNAUTHORIZED, "webhook-signature-invalid", "webhook.signature-invalid");
    }

    static WebhookProblem stale(long maxAgeSeconds) {
        return new WebhookProblem(HttpStatus.UNAUTHORIZED, "webhook-timestamp-stale", "webhook.timestamp-stale",
                maxAgeSeconds);
    }

    static WebhookProblem replayed() {
        return new WebhookProblem(HttpStatus.CONFLICT, "webhook-replayed", "webhook.replayed");
    }

    static WebhookProblem malformed() {
        return new WebhookProblem(HttpStatus.BAD_REQUEST, "webhook-malformed", "webhook.malformed");
    }

    /** Too many webhooks at once, or Redis did not take the hand-over: Zoom sends it again. */
    static WebhookProblem notAccepted(Duration retryAfter) {
        return new WebhookProblem(retryAfter, HttpStatus.SERVICE_UNAVAILABLE, "webhook-not-accepted",
                "webhook.not-accepted");
    }
}
