package dev.hybridconf.zoomemulator.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import dev.hybridconf.zoomemulator.EmulatorClock;
import dev.hybridconf.zoomemulator.EmulatorProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends webhook events to the configured URLs, one attempt at a time in the order the events happened, and retries
 * a failed delivery after each configured delay (Zoom: three retries, after 5, 20 and 60 minutes; the emulator's
 * defaults are seconds). Each attempt carries the same body with a fresh {@code x-zm-request-timestamp} (real clock,
 * seconds) and {@code x-zm-signature}, and waits at most the configured timeout (Zoom: 3 s) for a 200 or 204.
 */
@Component
public class WebhookDispatcher implements DisposableBean {

    /**
     * Where webhooks go now.
     *
     * @param urls the event notification endpoints
     * @param secretToken the secret token that signs them
     */
    public record Targets(List<String> urls, String secretToken) {

        public Targets {
            urls = urls == null ? List.of() : urls.stream().map(String::trim).filter(u -> !u.isEmpty()).toList();
            if (secretToken == null || secretToken.isBlank()) {
                throw new IllegalArgumentException("A secret token is needed to sign webhooks");
            }
        }
    }

    static final int KEPT_EVENTS = 1000;

    private final EmulatorProperties.Webhooks configured;
    private final EmulatorClock clock;
    private final JsonMapper json;
    private final HttpClient http;
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "zoom-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong generation = new AtomicLong();
    private final Deque<WebhookEvent> events = new ArrayDeque<>();
    private volatile Targets targets;

    public WebhookDispatcher(EmulatorProperties properties, EmulatorClock clock, JsonMapper json) {
        this.configured = properties.webhooks();
        this.clock = clock;
        this.json = json;
        this.targets = new Targets(configured.urls(), configured.secretToken());
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(configured.timeout())
                .build();
    }

    public Targets targets() {
        return targets;
    }

    public void setTargets(Targets targets) {
        this.targets = targets;
    }

    public List<Duration> retryDelays() {
        return configured.retryDelays();
    }

    /**
     * Publishes an event: {@code {"event": ..., "event_ts": ..., "payload": ...}} to every URL configured now.
     *
     * @return the event, whose deliveries fill in as they happen
     */
    public WebhookEvent publish(String event, ObjectNode payload, Long meetingId) {
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.put("event", event);
        envelope.put("event_ts", clock.now().toEpochMilli());
        envelope.set("payload", payload);
        WebhookEvent published = new WebhookEvent(UUID.randomUUID().toString(), event, meetingId, clock.now(),
                json.writeValueAsString(envelope));
        Targets now = targets;
        long current = generation.get();
        synchronized (events) {
            events.addLast(published);
            while (events.size() > KEPT_EVENTS) {
                events.removeFirst();
            }
        }
        for (String url : now.urls()) {
            WebhookEvent.Delivery delivery = published.addDelivery(url);
            sender.execute(() -> attempt(published, delivery, now.secretToken(), current));
        }
        return published;
    }

    private void attempt(WebhookEvent event, WebhookEvent.Delivery delivery, String secret, long forGeneration) {
        if (generation.get() != forGeneration) {
            return;
        }
        int number = delivery.nextAttemptNumber();
        WebhookEvent.Attempt attempt = send(delivery.url(), event.body().getBytes(StandardCharsets.UTF_8), secret,
                event.id(), 0, number, false, false);
        int retriesDone = number - 1;
        if (attempt.succeeded()) {
            delivery.record(attempt, WebhookEvent.State.DELIVERED);
        } else if (retriesDone < configured.retryDelays().size()) {
            delivery.record(attempt, WebhookEvent.State.PENDING);
            sender.schedule(() -> attempt(event, delivery, secret, forGeneration),
                    configured.retryDelays().get(retriesDone).toMillis(), TimeUnit.MILLISECONDS);
        } else {
            delivery.record(attempt, WebhookEvent.State.FAILED);
        }
    }

    /**
     * Sends an event again to each of its URLs at once, outside the delivery schedule: as it was (a replay), with
     * its body altered after signing, or with its timestamp moved (a stale signature). Waits for the answers.
     */
    public List<WebhookEvent.Attempt> resend(String eventId, boolean tamper, long timestampOffsetSeconds) {
        WebhookEvent event = find(eventId).orElseThrow(() -> new IllegalArgumentException("No webhook event " + eventId));
        byte[] body = event.body().getBytes(StandardCharsets.UTF_8);
        List<WebhookEvent.Attempt> attempts = new ArrayList<>();
        for (WebhookEvent.Delivery delivery : event.deliveries()) {
            WebhookEvent.Attempt attempt = send(delivery.url(), body, targets.secretToken(), event.id(),
                    timestampOffsetSeconds, delivery.nextAttemptNumber(), true, tamper);
            delivery.record(attempt, null);
            attempts.add(attempt);
        }
        return attempts;
    }

    /** Sends {@code endpoint.url_validation} to {@code url} (every configured URL when {@code null}) and judges the answer. */
    public List<UrlValidation> validate(String url) {
        List<String> urls = url == null || url.isBlank() ? targets.urls() : List.of(url.trim());
        List<UrlValidation> results = new ArrayList<>();
        for (String target : urls) {
            results.add(validateOne(target));
        }
        return results;
    }

    private UrlValidation validateOne(String url) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String plainToken = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String secret = targets.secretToken();
        String expected = WebhookSigner.encryptedToken(secret, plainToken);
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.putObject("payload").put("plainToken", plainToken);
        envelope.put("event_ts", clock.now().toEpochMilli());
        envelope.put("event", "endpoint.url_validation");
        byte[] body = json.writeValueAsBytes(envelope);
        long started = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(request(url, body, secret, UUID.randomUUID().toString(),
                    Instant.now().getEpochSecond(), false),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new UrlValidation(url, null, millis(started), plainToken, expected, null, null, false,
                    "no answer: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new UrlValidation(url, null, millis(started), plainToken, expected, null, null, false, "interrupted");
        }
        long latency = millis(started);
        String answeredPlain = null;
        String answeredEncrypted = null;
        try {
            JsonNode answer = json.readTree(response.body());
            answeredPlain = answer.path("plainToken").isString() ? answer.path("plainToken").asString() : null;
            answeredEncrypted = answer.path("encryptedToken").isString() ? answer.path("encryptedToken").asString()
                    : null;
        } catch (RuntimeException e) {
            // not JSON: judged below
        }
        String problem = null;
        if (response.statusCode() != 200) {
            problem = "answered " + response.statusCode() + " instead of 200";
        } else if (answeredPlain == null || answeredEncrypted == null) {
            problem = "the answer is no JSON object with plainToken and encryptedToken";
        } else if (!plainToken.equals(answeredPlain)) {
            problem = "plainToken differs from the one sent";
        } else if (!expected.equals(answeredEncrypted)) {
            problem = "encryptedToken is not hex HMAC-SHA256(secret token, plainToken)";
        } else if (latency > configured.timeout().toMillis()) {
            problem = "answered after " + latency + " ms, more than Zoom waits (" + configured.timeout().toMillis()
                    + " ms)";
        }
        return new UrlValidation(url, response.statusCode(), latency, plainToken, expected, answeredPlain,
                answeredEncrypted, problem == null, problem);
    }

    private WebhookEvent.Attempt send(String url, byte[] body, String secret, String trackingId, long offsetSeconds,
            int number, boolean manual, boolean tamper) {
        long timestamp = Instant.now().getEpochSecond() + offsetSeconds;
        long started = System.nanoTime();
        try {
            HttpResponse<Void> response = http.send(request(url, body, secret, trackingId, timestamp, tamper),
                    HttpResponse.BodyHandlers.discarding());
            return new WebhookEvent.Attempt(number, Instant.now(), timestamp, response.statusCode(), millis(started),
                    null, manual);
        } catch (IOException e) {
            return new WebhookEvent.Attempt(number, Instant.now(), timestamp, null, millis(started), describe(e),
                    manual);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new WebhookEvent.Attempt(number, Instant.now(), timestamp, null, millis(started), "interrupted",
                    manual);
        }
    }

    private HttpRequest request(String url, byte[] body, String secret, String trackingId, long timestamp,
            boolean tamper) {
        String signature = WebhookSigner.signature(secret, timestamp, body);
        byte[] sent = tamper ? tampered(body) : body;
        return HttpRequest.newBuilder(URI.create(url)).timeout(configured.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Zoom Marketplace/1.0a (Hybridconf Zoom emulator)")
                .header("x-zm-request-timestamp", Long.toString(timestamp))
                .header("x-zm-signature", signature)
                .header("x-zm-trackingid", trackingId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(sent)).build();
    }

    /** The body with one character changed inside, so that the signature no longer fits it. */
    private static byte[] tampered(byte[] body) {
        byte[] copy = body.clone();
        for (int i = copy.length / 2; i < copy.length; i++) {
            if (Character.isLetterOrDigit(copy[i])) {
                copy[i] = (byte) (copy[i] == 'x' ? 'y' : 'x');
                return copy;
            }
        }
        return copy;
    }

    public Optional<WebhookEvent> find(String eventId) {
        synchronized (events) {
            return events.stream().filter(event -> event.id().equals(eventId)).findFirst();
        }
    }

    /** The last {@value #KEPT_EVENTS} events, oldest first. */
    public List<WebhookEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** Forgets every event, abandons pending retries and returns to the configured targets. */
    public void reset() {
        generation.incrementAndGet();
        synchronized (events) {
            events.clear();
        }
        targets = new Targets(configured.urls(), configured.secretToken());
    }

    @Override
    public void destroy() {
        sender.shutdownNow();
    }

    private static long millis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
