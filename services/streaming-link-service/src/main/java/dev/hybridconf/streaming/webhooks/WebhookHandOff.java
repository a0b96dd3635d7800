package dev.hybridconf.streaming.webhooks;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.hybridconf.contracts.streaming.ZoomWebhookReceived;
import dev.hybridconf.kit.errors.ConflictException;
import dev.hybridconf.kit.redis.AtomicWrite;
import dev.hybridconf.kit.redis.RedisStore;

/**
 * Hands a verified webhook over in one atomic write: the replay markers (its signature, its body) and the event
 * for the internal topic {@code streaming.zoom-webhooks} (keyed by meeting) go into Redis together, the event
 * through the outbox, which the relay publishes like every other event. A crash anywhere leaves both or neither:
 * never a marker without its event, so Zoom's retry of a webhook that was not taken is taken, and its retry of one
 * that was is answered {@code duplicate} while the event is on its way. Nothing here talks to Kafka.
 */
@Component
class WebhookHandOff {

    static final String TOPIC = "streaming.zoom-webhooks";

    /** What the hand-over did. */
    enum Outcome {
        /** Markers and event written. */
        ACCEPTED,
        /** Markers written; an event the platform does not act on, so none. */
        IGNORED,
        /** The same webhook (same body) was taken before: nothing written. */
        DUPLICATE,
        /** The same signed request was received before (a captured request sent again): nothing written. */
        REPLAYED
    }

    private final RedisStore store;
    private final WebhookKeys keys;
    private final WebhookProperties settings;

    WebhookHandOff(RedisStore store, WebhookKeys keys, WebhookProperties settings) {
        this.store = store;
        this.keys = keys;
        this.settings = settings;
    }

    /**
     * @param signature the request's signature (a captured request sent again carries the same one)
     * @param bodyHash  SHA-256 of the raw body: Zoom's redeliveries of one event carry the same body
     * @param received  what the platform acts on, or empty for events it does not
     */
    Outcome handOff(String signature, String bodyHash, Optional<ZoomWebhookReceived> received) {
        String signatureKey = keys.seenSignature(signature);
        Duration signatureWindow = settings.maxAge().multipliedBy(2).plusMinutes(1);
        AtomicWrite write = store.atomically()
                .requireAbsent(signatureKey, () -> new ConflictException("webhook-replayed", "webhook.replayed"))
                .onlyOnceAt(keys.seenEvent(bodyHash), settings.replayWindow())
                .set(signatureKey, "1")
                .expire(signatureKey, signatureWindow);
        // The same body always gives the same event id: the consumer applies a redelivered event once.
        received.ifPresent(event -> write.emitTo(TOPIC, eventId(bodyHash), event));
        try {
            if (write.execute() == AtomicWrite.Outcome.DUPLICATE) {
                return Outcome.DUPLICATE;
            }
        } catch (ConflictException replayed) {
            return Outcome.REPLAYED;
        }
        return received.isPresent() ? Outcome.ACCEPTED : Outcome.IGNORED;
    }

    static UUID eventId(String bodyHash) {
        return UUID.nameUUIDFromBytes(bodyHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
