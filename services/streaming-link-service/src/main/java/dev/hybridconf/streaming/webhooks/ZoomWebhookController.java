package dev.hybridconf.streaming.webhooks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hybridconf.contracts.streaming.ZoomWebhookReceived;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import redis.clients.jedis.exceptions.JedisException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /webhooks/zoom}: Zoom's calls, authenticated by their signature over the raw body. A verified event
 * is handed over in one atomic write ({@link WebhookHandOff}: replay markers and the event for the internal topic
 * {@code streaming.zoom-webhooks}, through the outbox) and answered 200; the work happens in
 * {@link ZoomWebhookListener}. Replay rule: a signature seen before is a captured request sent again (Zoom signs
 * every delivery afresh) and is refused 409; the same event with a fresh valid signature is Zoom redelivering and
 * is answered 200 without a second hand-over, so Zoom stops retrying.
 *
 * <p>Bounded work: at most {@code platform.zoom.webhooks.max-in-flight} webhooks are handled at once; beyond that,
 * and whenever Redis does not take the write, the answer is 503 {@code webhook-not-accepted} with
 * {@code Retry-After}, so that Zoom sends it again.
 */
@RestController
class ZoomWebhookController {

    static final String SIGNATURE = "x-zm-signature";
    static final String TIMESTAMP = "x-zm-request-timestamp";

    private static final Logger log = LoggerFactory.getLogger(ZoomWebhookController.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookProperties settings;
    private final WebhookHandOff handOff;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Semaphore inFlight;

    ZoomWebhookController(WebhookProperties settings, WebhookHandOff handOff, Clock clock, MeterRegistry meters) {
        this.settings = settings;
        this.handOff = handOff;
        this.clock = clock;
        this.meters = meters;
        this.inFlight = new Semaphore(settings.maxInFlight());
        Gauge.builder("zoom.webhooks.in-flight", inFlight, slots -> settings.maxInFlight() - slots.availablePermits())
                .description("Zoom webhooks being verified and handed over now (at most max-in-flight)")
                .register(meters);
    }

    @PostMapping(path = "/webhooks/zoom", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> receive(HttpServletRequest request) throws IOException {
        if (!settings.configured()) {
            count("unknown", "not-configured");
            throw WebhookProblem.notConfigured();
        }
        if (!inFlight.tryAcquire()) {
            count("unknown", "busy");
            throw WebhookProblem.notAccepted(settings.retryAfter());
        }
        try {
            return verifyAndHandOver(request);
        } finally {
            inFlight.release();
        }
    }

    private ResponseEntity<Map<String, Object>> verifyAndHandOver(HttpServletRequest request) throws IOException {
        byte[] body = request.getInputStream().readAllBytes();
        String timestamp = zoomHeader(request, TIMESTAMP);
        String signature = zoomHeader(request, SIGNATURE);
        if (!ZoomSignature.matches(settings.secretToken(), timestamp, body, signature)) {
            count("unknown", "bad-signature");
            throw WebhookProblem.badSignature();
        }
        if (!fresh(timestamp)) {
            count("unknown", "stale");
            throw WebhookProblem.stale(settings.maxAge().toSeconds());
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            root = null;
        }
        if (root == null || !root.isObject() || ZoomPayloads.event(root) == null) {
            count("unknown", "malformed");
            throw WebhookProblem.malformed();
        }
        String event = ZoomPayloads.event(root);
        if (ZoomPayloads.URL_VALIDATION.equals(event)) {
            String plainToken = ZoomPayloads.text(root.path("payload").path("plainToken"));
            if (plainToken == null || plainToken.isBlank()) {
                count(event, "malformed");
                throw WebhookProblem.malformed();
            }
            count(event, "validated");
            return ResponseEntity.ok(Map.of("plainToken", plainToken, "encryptedToken",
                    ZoomSignature.hmacHex(settings.secretToken(), plainToken.getBytes(StandardCharsets.UTF_8))));
        }

        Optional<ZoomWebhookReceived> received = ZoomPayloads.read(root);
        WebhookHandOff.Outcome outcome;
        try {
            outcome = handOff.handOff(signature.trim(), ZoomSignature.sha256Hex(body), received);
        } catch (JedisException redisAway) {
            // Not taken, or taken without the answer coming back: either way Zoom's retry is right (a write that
            // did land makes the retry a duplicate, and its event is in the outbox).
            count(event, "not-accepted");
            log.warn("Zoom webhook {} not handed over: {}", event, redisAway.toString());
            throw WebhookProblem.notAccepted(settings.retryAfter());
        }
        return switch (outcome) {
            case REPLAYED -> {
                count(event, "replayed");
                throw WebhookProblem.replayed();
            }
            case DUPLICATE -> {
                count(event, "duplicate");
                yield ResponseEntity.ok(Map.of("status", "duplicate"));
            }
            case IGNORED -> {
                count(event, "ignored");
                yield ResponseEntity.ok(Map.of("status", "ignored"));
            }
            case ACCEPTED -> {
                count(event, "accepted");
                yield ResponseEntity.ok(Map.of("status", "accepted"));
            }
        };
    }
    /**
     * One of Zoom's headers, or null (so the webhook is unauthenticated) when it holds anything but
     * printable ASCII: Zoom sends digits and {@code v0=} with hex, and the firewall refuses some other
     * bytes (UTF-8 read as ISO-8859-1) where the header is read.
     */
    private static String zoomHeader(HttpServletRequest request, String name) {
        String value;
        try {
            value = request.getHeader(name);
        } catch (RequestRejectedException e) {
            return null;
        }
        return value != null && value.chars().allMatch(c -> c >= 0x20 && c < 0x7F) ? value : null;
    }

    private boolean fresh(String timestamp) {
        try {
            Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
            Duration age = Duration.between(sent, clock.instant()).abs();
            return age.compareTo(settings.maxAge()) <= 0;
        } catch (NumberFormatException | DateTimeException | ArithmeticException e) {
            // Not a number of seconds, or one no clock reaches: not a timestamp Zoom sent.
            return false;
        }
    }

    private void count(String event, String outcome) {
        meters.counter("zoom.webhooks.received", "event", event, "outcome", outcome).increment();
        if (!"accepted".equals(outcome) && !"validated".equals(outcome)) {
            log.info("Zoom webhook {}: {}", event, outcome);
        }
    }
}
